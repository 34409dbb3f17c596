import type { ApiClient } from '../../src/api/client'
import { API_PREFIX, fillPath } from '../../src/contract/endpoint'
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
import { revokeMySignature } from '../../src/api/seals/revokeMySignature'

import * as account from '../../src/contract/account/endpoints'
import * as esign from '../../src/contract/esign/endpoints'
import { descriptorsMatching, expectedCall, recordingClient } from '../contract-path'

// Each endpoint function is one line of routing; this pins which descriptor it calls (method and
// path from src/contract, params filled and encoded), its body and auth, so a function that calls
// the wrong operation fails here rather than as a 404 on a phone. The recording client refuses any
// path that is no descriptor's; contract-coverage holds every descriptor to the server.

it.each([
  [
    'login',
    (c: ApiClient) => login(c, { platform: 'weapp', code: 'c1', consentVersion: 'v1' }),
    expectedCall(account.login),
    { platform: 'weapp', code: 'c1', consentVersion: 'v1' },
  ],
  ['logout', (c: ApiClient) => logout(c), expectedCall(account.logout), undefined],
  ['getMe', (c: ApiClient) => getMe(c), expectedCall(account.getMe), undefined],
  [
    'updateConsent',
    (c: ApiClient) => updateConsent(c, { accepted: true, version: 'v1' }),
    expectedCall(account.updateConsent),
    { accepted: true, version: 'v1' },
  ],
  [
    'setCurrentEnterprise',
    (c: ApiClient) => setCurrentEnterprise(c, { enterpriseId: 'e1' }),
    expectedCall(account.setCurrentEnterprise),
    { enterpriseId: 'e1' },
  ],
  ['listMyEnterprises', (c: ApiClient) => listMyEnterprises(c), expectedCall(account.listMyEnterprises), undefined],
  [
    'getEnterprise',
    (c: ApiClient) => getEnterprise(c, 'e/1'),
    expectedCall(account.getEnterprise, { enterpriseId: 'e/1' }),
    undefined,
  ],
  ['getHealth', (c: ApiClient) => getHealth(c), expectedCall(account.getHealth), undefined],
  [
    'listEnterpriseMembers',
    (c: ApiClient) => listEnterpriseMembers(c, 'e1'),
    expectedCall(esign.listEnterpriseMembers, { enterpriseId: 'e1' }),
    undefined,
  ],
  [
    'removeEnterpriseMember',
    (c: ApiClient) => removeEnterpriseMember(c, 'e1', 'u/2'),
    expectedCall(esign.removeEnterpriseMember, { enterpriseId: 'e1', userId: 'u/2' }),
    undefined,
  ],
  ['listMySealGrants', (c: ApiClient) => listMySealGrants(c), expectedCall(esign.listMySealGrants), undefined],
  [
    'acceptSealGrantById',
    (c: ApiClient) => acceptSealGrantById(c, 'g1'),
    expectedCall(esign.acceptSealGrantById, { grantId: 'g1' }),
    undefined,
  ],
  [
    'revokeMySignature',
    (c: ApiClient) => revokeMySignature(c, { reason: '不再需要', pin: '258036' }),
    expectedCall(esign.revokeMySignature),
    { reason: '不再需要', pin: '258036' },
  ],
] as const)('%s calls its descriptor', async (_name, call, expected, body) => {
  const { client, calls } = recordingClient((path) => ({ echoed: path }))
  await call(client)
  expect(calls).toHaveLength(1)
  expect({ method: calls[0].method, path: calls[0].path }).toEqual(expected)
  expect(calls[0].options?.body).toEqual(body)
})

it('an id with a slash is one encoded path segment', async () => {
  const { client, calls } = recordingClient()
  await getEnterprise(client, 'e/1')
  await removeEnterpriseMember(client, 'e1', 'u/2')
  expect(calls[0].path.endsWith('/e%2F1')).toBe(true)
  expect(calls[1].path.endsWith('/e1/members/u%2F2')).toBe(true)
})

it("the recording client refuses a path that is no descriptor's, and knows the ones that are", async () => {
  const { client, calls } = recordingClient()
  await expect(client.request('GET', `${API_PREFIX}/no-such-operation/e1`)).rejects.toThrow('is no descriptor')
  await expect(client.request('POST', fillPath(account.getEnterprise.path, { enterpriseId: 'e1' }))).rejects.toThrow(
    'is no descriptor',
  )
  expect(calls).toHaveLength(2)
  expect(descriptorsMatching('GET', fillPath(account.getEnterprise.path, { enterpriseId: 'e%1' }))).toEqual([
    'account/getEnterprise',
  ])
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
