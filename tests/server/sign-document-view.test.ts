import {
  SIGN_DOCUMENT_VIEW_TTL_SECONDS,
  signDocumentViewAllows,
  signDocumentViewToken,
} from '../../server/capabilities/esign/signing/sign-document-view'

// The view link's token on its own, on a pinned clock.
const SECRET = 'test-secret-0123456789abcdef0123456789'
const TASK = '7f3c1e2a-0000-4000-8000-000000000001'
const USER = '7d0f7a52-0000-4000-8000-000000000001'
const NOW = Date.UTC(2026, 11, 5, 1, 0, 0)

test('holds for its task and scanner until it expires, 15 minutes after it was issued', () => {
  const token = signDocumentViewToken(SECRET, TASK, USER, NOW)
  expect(token).toMatch(/^\d{10}\.[A-Za-z0-9_-]{43}$/)
  expect(signDocumentViewAllows(SECRET, token, TASK, USER, NOW)).toBe(true)
  expect(signDocumentViewAllows(SECRET, token, TASK, USER, NOW + (SIGN_DOCUMENT_VIEW_TTL_SECONDS - 1) * 1000)).toBe(
    true,
  )
  expect(signDocumentViewAllows(SECRET, token, TASK, USER, NOW + SIGN_DOCUMENT_VIEW_TTL_SECONDS * 1000)).toBe(false)
})

test('opens nothing for another person, another task, another secret or a mangled token', () => {
  const token = signDocumentViewToken(SECRET, TASK, USER, NOW)
  expect(signDocumentViewAllows(SECRET, token, TASK, USER.replace('1', '2'), NOW)).toBe(false)
  expect(signDocumentViewAllows(SECRET, token, TASK.replace('1', '2'), USER, NOW)).toBe(false)
  expect(signDocumentViewAllows(`${SECRET}x`, token, TASK, USER, NOW)).toBe(false)
  expect(signDocumentViewAllows(SECRET, `${token}A`, TASK, USER, NOW)).toBe(false)
  expect(signDocumentViewAllows(SECRET, '', TASK, USER, NOW)).toBe(false)
})
