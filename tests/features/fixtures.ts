import type { EnterpriseSummary, LoginResponse, UserProfile } from '../../src/contract/account/schemas'

export const legalRep: UserProfile = {
  id: '7d0f7a52-0000-4000-8000-000000000001',
  name: '张建国',
  phoneMasked: '138****0001',
  idNumberMasked: '4110**********0036',
  consent: { accepted: true, version: '2026-11-01', at: '2026-11-22T08:00:00.000Z' },
  currentEnterpriseId: null,
}

export const enterprises: EnterpriseSummary[] = [
  {
    id: 'e0000000-0000-4000-8000-000000000001',
    name: '许昌瑞丰食品有限公司',
    uscc: '91411000MA9G5R2K3B',
    role: 'legal_representative',
  },
  {
    id: 'e0000000-0000-4000-8000-000000000002',
    name: '许昌恒达建筑工程有限公司',
    uscc: '91411000MA9H7T4L5C',
    role: 'agent',
  },
]

export function loginResponse(user: UserProfile = legalRep): LoginResponse {
  return { token: 'token-1', expiresAt: '2026-11-29T08:00:00.000Z', user }
}
