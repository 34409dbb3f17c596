import type { ApiClient } from '../../src/api/client'
import { addPolicyFavourite } from '../../src/api/policies/addPolicyFavourite'
import { calculatePolicies } from '../../src/api/policies/calculatePolicies'
import { getPolicy } from '../../src/api/policies/getPolicy'
import { getPolicyMatches } from '../../src/api/policies/getPolicyMatches'
import { getPolicyPush } from '../../src/api/policies/getPolicyPush'
import { getProfileFacts } from '../../src/api/policies/getProfileFacts'
import { listPolicies } from '../../src/api/policies/listPolicies'
import { listPolicyFavourites } from '../../src/api/policies/listPolicyFavourites'
import { removePolicyFavourite } from '../../src/api/policies/removePolicyFavourite'
import { saveProfileFacts } from '../../src/api/policies/saveProfileFacts'
import { setPolicyPush } from '../../src/api/policies/setPolicyPush'
import * as policies from '../../src/contract/policies/endpoints'
import { expectedCall, recordingClient } from '../contract-path'

// 惠企政策 endpoints: which descriptor each function calls (ids escaped), its query and body, so a
// wrong operation fails here, not as a 404; the recording client refuses a path no descriptor has.

const profile = { industryCode: 'C1432', employees: 86 }

it.each([
  ['getPolicy', (c: ApiClient) => getPolicy(c, 'a/b'), expectedCall(policies.getPolicy, { id: 'a/b' }), undefined],
  [
    'calculatePolicies',
    (c: ApiClient) => calculatePolicies(c, { profile }),
    expectedCall(policies.calculatePolicies),
    { profile },
  ],
  [
    'getPolicyMatches',
    (c: ApiClient) => getPolicyMatches(c, 'e1'),
    expectedCall(policies.getPolicyMatches, { enterpriseId: 'e1' }),
    undefined,
  ],
  [
    'getProfileFacts',
    (c: ApiClient) => getProfileFacts(c, 'e1'),
    expectedCall(policies.getProfileFacts, { enterpriseId: 'e1' }),
    undefined,
  ],
  [
    'saveProfileFacts',
    (c: ApiClient) => saveProfileFacts(c, 'e1', profile),
    expectedCall(policies.saveProfileFacts, { enterpriseId: 'e1' }),
    { profile },
  ],
  [
    'listPolicyFavourites',
    (c: ApiClient) => listPolicyFavourites(c),
    expectedCall(policies.listPolicyFavourites),
    undefined,
  ],
  [
    'addPolicyFavourite',
    (c: ApiClient) => addPolicyFavourite(c, 'p1'),
    expectedCall(policies.addPolicyFavourite, { id: 'p1' }),
    undefined,
  ],
  [
    'removePolicyFavourite',
    (c: ApiClient) => removePolicyFavourite(c, 'p1'),
    expectedCall(policies.removePolicyFavourite, { id: 'p1' }),
    undefined,
  ],
  ['getPolicyPush', (c: ApiClient) => getPolicyPush(c), expectedCall(policies.getPolicyPush), undefined],
  [
    'setPolicyPush',
    (c: ApiClient) => setPolicyPush(c, { frequency: 'weekly' }),
    expectedCall(policies.setPolicyPush),
    { frequency: 'weekly' },
  ],
] as const)('%s calls its descriptor', async (_name, call, expected, body) => {
  const { client, calls } = recordingClient()
  await call(client)
  expect(calls).toHaveLength(1)
  expect({ method: calls[0].method, path: calls[0].path }).toEqual(expected)
  expect(calls[0].options?.body).toEqual(body)
})

test('a policy id with a slash is one encoded path segment', async () => {
  const { client, calls } = recordingClient()
  await getPolicy(client, 'a/b')
  expect(calls[0].path.endsWith('/a%2Fb')).toBe(true)
})

test('listPolicies sends only the filters that are set', async () => {
  const { client, calls } = recordingClient()
  await listPolicies(client, { level: 'city', autoGrant: 'true', q: '', issuer: '' })
  expect({ method: calls[0].method, path: calls[0].path }).toEqual(expectedCall(policies.listPolicies))
  expect(calls[0].options?.query).toEqual({ level: 'city', autoGrant: 'true', q: undefined, issuer: undefined })
})
