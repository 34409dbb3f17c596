import {
  SIGN_DOCUMENT_VIEW_TTL_SECONDS,
  signDocumentViewAllows,
  signDocumentViewToken,
} from '../../server/capabilities/esign/signing/sign-document-view'

const SECRET = 'view-secret-0123456789abcdefghijklmnop'
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const NOW = Date.UTC(2026, 11, 5, 2, 0, 0)

describe('the view link of a sign task’s document', () => {
  const token = signDocumentViewToken(SECRET, 'task-1', 'user-1', NOW)

  it('opens for its task and person until it expires', () => {
    expect(signDocumentViewAllows(SECRET, token, 'task-1', 'user-1', NOW)).toBe(true)
    expect(
      signDocumentViewAllows(SECRET, token, 'task-1', 'user-1', NOW + SIGN_DOCUMENT_VIEW_TTL_SECONDS * 1000 - 1),
    ).toBe(true)
    expect(signDocumentViewAllows(SECRET, token, 'task-1', 'user-1', NOW + SIGN_DOCUMENT_VIEW_TTL_SECONDS * 1000)).toBe(
      false,
    )
    expect(signDocumentViewAllows(SECRET, token, 'task-2', 'user-1', NOW)).toBe(false)
    expect(signDocumentViewAllows(SECRET, token, 'task-1', 'user-2', NOW)).toBe(false)
  })

  it('refuses every other spelling of the last character, even those that decode to the same MAC', () => {
    // 43 base64url characters hold 32 bytes: the last one's two low bits are unused, so four of
    // the 64 characters decode to the same bytes. Only the spelling the server wrote opens.
    const last = token[token.length - 1]
    const sameBytes = ALPHABET.split('').filter(
      (c) => c !== last && (ALPHABET.indexOf(c) & ~3) === (ALPHABET.indexOf(last) & ~3),
    )
    expect(sameBytes).toHaveLength(3)
    for (const c of ALPHABET) {
      if (c === last) continue
      const changed = token.slice(0, -1) + c
      expect({ c, opens: signDocumentViewAllows(SECRET, changed, 'task-1', 'user-1', NOW) }).toEqual({
        c,
        opens: false,
      })
    }
  })
})
