import type { PolicyMatchView, PolicyView } from '../../src/contract/policies/schemas'
import type { Policy } from '../../src/domain/policies/policy'

export const ENTERPRISE = 'e0000000-0000-4000-8000-000000000001'

export function policy(overrides: Partial<Policy> = {}): Policy {
  return {
    id: 'p-1',
    title: '小微企业贷款贴息',
    issuer: '许昌市财政局',
    level: 'city',
    region: '许昌市',
    summary: '对小微企业新增流动资金贷款给予贴息。',
    benefit: { type: 'loan-interest', amountWan: 50, text: '按实际利息的 50% 贴息' },
    applicationWindow: {},
    howToApply: '登录政企通在线申报',
    materials: ['营业执照', '贷款合同'],
    autoGrant: false,
    eligibility: { all: [{ id: 'size', kind: 'sizeClass', allowed: ['small', 'micro'] }] },
    ...overrides,
  }
}

export function view(p: Policy, overrides: Partial<PolicyView> = {}): PolicyView {
  return {
    policy: p,
    status: 'published',
    publishedAt: '2026-11-01T00:00:00.000Z',
    withdrawnAt: null,
    openNow: true,
    window: 'open',
    regionCode: '411000',
    autoGrantLabel: p.autoGrant ? '免申即享' : '需申报',
    favourite: false,
    ...overrides,
  }
}

export function match(
  overrides: Partial<PolicyMatchView> & Pick<PolicyMatchView, 'policyId' | 'title'>,
): PolicyMatchView {
  return {
    verdict: 'eligible',
    verdictLabel: '可申报',
    autoGrant: false,
    autoGrantLabel: '需申报',
    openNow: true,
    window: 'open',
    conditions: [{ id: 'size', label: '企业规模：小型、微型企业', outcome: 'met', fact: '小型企业（从业人员 86 人）' }],
    missingFacts: [],
    missingFactLabels: [],
    fixesNeeded: 0,
    ...overrides,
  }
}

export const nearMatch = match({
  policyId: 'p-near',
  title: '高新技术企业认定奖励',
  verdict: 'near',
  verdictLabel: '差一点',
  fixesNeeded: 1,
  conditions: [
    { id: 'industry', label: '行业：制造业（C）', outcome: 'met', fact: 'C1432（属食品制造业）' },
    { id: 'qualification', label: '企业资质：高新技术企业', outcome: 'missing', fact: '待补充：企业资质' },
  ],
  missingFacts: ['qualifications'],
  missingFactLabels: ['企业资质'],
})

/** GET /api/v1/policies as one page holding every given view. */
export function page(items: PolicyView[], nextCursor: string | null = null, total = items.length) {
  return { items, total, nextCursor }
}
