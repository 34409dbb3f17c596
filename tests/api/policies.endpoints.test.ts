import type { ApiClient, HttpMethod, RequestOptions } from '../../src/api/client'
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

// 惠企政策 endpoints: method, path (ids escaped), query and body, so a typo fails here, not as a 404.

function recordingClient() {
  const calls: { method: HttpMethod; path: string; options?: RequestOptions }[] = []
  const client: ApiClient = {
    request: async <T>(method: HttpMethod, path: string, options?: RequestOptions) => {
      calls.push({ method, path, options })
      return undefined as T
    },
  }
  return { client, calls }
}

const profile = { industryCode: 'C1432', employees: 86 }

it.each([
  ['getPolicy', (c: ApiClient) => getPolicy(c, 'a/b'), 'GET', '/api/v1/policies/a%2Fb', undefined],
  [
    'calculatePolicies',
    (c: ApiClient) => calculatePolicies(c, { profile }),
    'POST',
    '/api/v1/policy-calculator',
    { profile },
  ],
  [
    'getPolicyMatches',
    (c: ApiClient) => getPolicyMatches(c, 'e1'),
    'GET',
    '/api/v1/enterprises/e1/policy-matches',
    undefined,
  ],
  [
    'getProfileFacts',
    (c: ApiClient) => getProfileFacts(c, 'e1'),
    'GET',
    '/api/v1/enterprises/e1/profile-facts',
    undefined,
  ],
  [
    'saveProfileFacts',
    (c: ApiClient) => saveProfileFacts(c, 'e1', profile),
    'PUT',
    '/api/v1/enterprises/e1/profile-facts',
    { profile },
  ],
  ['listPolicyFavourites', (c: ApiClient) => listPolicyFavourites(c), 'GET', '/api/v1/me/policy-favourites', undefined],
  [
    'addPolicyFavourite',
    (c: ApiClient) => addPolicyFavourite(c, 'p1'),
    'PUT',
    '/api/v1/me/policy-favourites/p1',
    undefined,
  ],
  [
    'removePolicyFavourite',
    (c: ApiClient) => removePolicyFavourite(c, 'p1'),
    'DELETE',
    '/api/v1/me/policy-favourites/p1',
    undefined,
  ],
  ['getPolicyPush', (c: ApiClient) => getPolicyPush(c), 'GET', '/api/v1/me/policy-push', undefined],
  [
    'setPolicyPush',
    (c: ApiClient) => setPolicyPush(c, { frequency: 'weekly' }),
    'PUT',
    '/api/v1/me/policy-push',
    { frequency: 'weekly' },
  ],
] as const)('%s → %s %s', async (_name, call, method, path, body) => {
  const { client, calls } = recordingClient()
  await call(client)
  expect(calls).toHaveLength(1)
  expect(calls[0].method).toBe(method)
  expect(calls[0].path).toBe(path)
  expect(calls[0].options?.body).toEqual(body)
})

test('listPolicies sends only the filters that are set', async () => {
  const { client, calls } = recordingClient()
  await listPolicies(client, { level: 'city', autoGrant: 'true', q: '', issuer: '' })
  expect(calls[0].path).toBe('/api/v1/policies')
  expect(calls[0].options?.query).toEqual({ level: 'city', autoGrant: 'true', q: undefined, issuer: undefined })
})
