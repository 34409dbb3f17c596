import type { ApiClient, HttpMethod, RequestOptions } from '../../src/api/client'
import { login } from '../../src/api/auth/login'
import { logout } from '../../src/api/auth/logout'
import { getEnterprise } from '../../src/api/enterprises/getEnterprise'
import { listMyEnterprises } from '../../src/api/enterprises/listMyEnterprises'
import { getHealth } from '../../src/api/health'
import { getMe } from '../../src/api/me/getMe'
import { setCurrentEnterprise } from '../../src/api/me/setCurrentEnterprise'
import { updateConsent } from '../../src/api/me/updateConsent'
import { listEnterpriseMembers } from '../../src/api/enterprises/listEnterpriseMembers'
import { removeEnterpriseMember } from '../../src/api/enterprises/removeEnterpriseMember'
import { acceptSealGrantById } from '../../src/api/seals/acceptSealGrantById'
import { listMySealGrants } from '../../src/api/seals/listMySealGrants'

// Each endpoint function is one line of routing; this pins method, path, body and auth so a
// typo in a path fails here rather than as a 404 on a phone.

function recordingClient() {
  const calls: { method: HttpMethod; path: string; options?: RequestOptions }[] = []
  const client: ApiClient = {
    request: async <T>(method: HttpMethod, path: string, options?: RequestOptions) => {
      calls.push({ method, path, options })
      return { echoed: path } as T
    },
  }
  return { client, calls }
}

it.each([
  [
    'login',
    (c: ApiClient) => login(c, { platform: 'weapp', code: 'c1', consentVersion: 'v1' }),
    'POST',
    '/api/v1/auth/login',
    { platform: 'weapp', code: 'c1', consentVersion: 'v1' },
  ],
  ['logout', (c: ApiClient) => logout(c), 'POST', '/api/v1/auth/logout', undefined],
  ['getMe', (c: ApiClient) => getMe(c), 'GET', '/api/v1/me', undefined],
  [
    'updateConsent',
    (c: ApiClient) => updateConsent(c, { accepted: true, version: 'v1' }),
    'PUT',
    '/api/v1/me/consent',
    { accepted: true, version: 'v1' },
  ],
  [
    'setCurrentEnterprise',
    (c: ApiClient) => setCurrentEnterprise(c, { enterpriseId: 'e1' }),
    'PUT',
    '/api/v1/me/current-enterprise',
    { enterpriseId: 'e1' },
  ],
  ['listMyEnterprises', (c: ApiClient) => listMyEnterprises(c), 'GET', '/api/v1/enterprises', undefined],
  ['getEnterprise', (c: ApiClient) => getEnterprise(c, 'e/1'), 'GET', '/api/v1/enterprises/e%2F1', undefined],
  ['getHealth', (c: ApiClient) => getHealth(c), 'GET', '/api/v1/health', undefined],
  [
    'listEnterpriseMembers',
    (c: ApiClient) => listEnterpriseMembers(c, 'e1'),
    'GET',
    '/api/v1/enterprises/e1/members',
    undefined,
  ],
  [
    'removeEnterpriseMember',
    (c: ApiClient) => removeEnterpriseMember(c, 'e1', 'u/2'),
    'DELETE',
    '/api/v1/enterprises/e1/members/u%2F2',
    undefined,
  ],
  ['listMySealGrants', (c: ApiClient) => listMySealGrants(c), 'GET', '/api/v1/me/seal-grants', undefined],
  [
    'acceptSealGrantById',
    (c: ApiClient) => acceptSealGrantById(c, 'g1'),
    'POST',
    '/api/v1/seal-grants/g1/accept',
    undefined,
  ],
] as const)('%s → %s %s', async (_name, call, method, path, body) => {
  const { client, calls } = recordingClient()
  await call(client)
  expect(calls).toHaveLength(1)
  expect(calls[0].method).toBe(method)
  expect(calls[0].path).toBe(path)
  expect(calls[0].options?.body).toEqual(body)
})

it('login and health go without a token and without the 401 re-login', async () => {
  const { client, calls } = recordingClient()
  await login(client, { platform: 'h5', code: 'sandbox:13800000001', consentVersion: 'v1' })
  await getHealth(client)
  await getMe(client)
  expect(calls.map((c) => c.options?.auth)).toEqual([false, false, undefined])
})

it('logout resolves to nothing', async () => {
  const { client } = recordingClient()
  await expect(logout(client)).resolves.toBeUndefined()
})
