// Stores persist through the platform storage adapter and come back after an app kill
// (a fresh module registry over the same storage).
import Taro from '@tarojs/taro'

const storage = (Taro as unknown as { __storage: Map<string, unknown> }).__storage

function freshStores() {
  let stores: { prefs: typeof import('../../src/core/preferences'); session: typeof import('../../src/core/session') }
  jest.isolateModules(() => {
    stores = { prefs: require('../../src/core/preferences'), session: require('../../src/core/session') }
  })
  return stores!
}

beforeEach(() => storage.clear())

test('a first launch (storage answers "" for missing keys) starts with defaults and no error', () => {
  const { prefs, session } = freshStores()
  expect(prefs.usePreferences.getState()).toMatchObject({ elderMode: false, consentVersion: null })
  expect(session.useSession.getState().token).toBeNull()
})

test('长辈版 and consent survive an app kill', () => {
  const first = freshStores()
  first.prefs.usePreferences.getState().setElderMode(true)
  first.prefs.usePreferences.getState().acceptConsent('2026-11-01')
  expect(JSON.parse(storage.get('zqt-preferences') as string).state).toEqual({
    elderMode: true,
    consentVersion: '2026-11-01',
  })

  const second = freshStores()
  expect(second.prefs.usePreferences.getState()).toMatchObject({ elderMode: true, consentVersion: '2026-11-01' })
})

test('the session survives a restart, and clearing it removes the token from storage', () => {
  const first = freshStores()
  first.session.useSession.getState().signedIn({
    token: 'opaque-token',
    expiresAt: '2026-11-29T00:00:00.000Z',
    user: {
      id: 'u1',
      name: '张建国',
      phoneMasked: '138****0001',
      idNumberMasked: null,
      consent: { accepted: true, version: '2026-11-01', at: null },
      currentEnterpriseId: null,
    },
  })
  expect(freshStores().session.useSession.getState().token).toBe('opaque-token')

  freshStores().session.useSession.getState().clear()
  expect(freshStores().session.useSession.getState().token).toBeNull()
  expect(storage.get('zqt-session')).not.toContain('opaque-token')
})

test('a corrupt stored value does not crash the launch', () => {
  storage.set('zqt-preferences', '{not json')
  const { prefs } = freshStores()
  expect(prefs.usePreferences.getState().elderMode).toBe(false)
})
