import { ROUTES } from '../../src/core/routes'
import { messageTarget } from '../../src/features/inbox/messageTarget'
import {
  complaintLink,
  complianceItemLink,
  licenceLink,
  policyLink,
  sealAuditLink,
  sealReportLink,
} from '../../src/domain/links'

test.each([
  [
    { kind: 'licence', licenceId: 'lic-1' },
    { route: ROUTES.licenceDetail, query: { id: 'lic-1' } },
  ],
  [
    { kind: 'policy', policyId: 'pol-9' },
    { route: ROUTES.policyDetail, query: { id: 'pol-9' } },
  ],
  [
    { kind: 'complaint', complaintId: 'c-3' },
    { route: ROUTES.complaintDetail, query: { id: 'c-3' } },
  ],
  [{ kind: 'none' }, null],
] as const)('a message linked to %o opens %o', (link, expected) => {
  expect(messageTarget({ link, enterpriseId: null })).toEqual(expected)
})

test('a policy message about one enterprise opens the policy judged for that enterprise', () => {
  expect(messageTarget({ link: { kind: 'policy', policyId: 'pol-9' }, enterpriseId: 'ent-jianfeng' })).toEqual({
    route: ROUTES.policyDetail,
    query: { id: 'pol-9', enterpriseId: 'ent-jianfeng' },
  })
})

test('a 用章报告 notice opens that month of the enterprise it names; a 用章提醒 opens its 用章记录', () => {
  expect(messageTarget({ link: { kind: 'seal-report', month: '2026-03' }, enterpriseId: 'ent-ruifeng' })).toEqual({
    route: ROUTES.sealReports,
    query: { enterpriseId: 'ent-ruifeng', month: '2026-03' },
  })
  expect(messageTarget({ link: { kind: 'seal-audit' }, enterpriseId: 'ent-ruifeng' })).toEqual({
    route: ROUTES.sealAudit,
    query: { enterpriseId: 'ent-ruifeng' },
  })
})

test('a 合规提醒 of 年报, 纳税申报 or 信用修复 opens its deadline of the enterprise it names (the calendar without one)', () => {
  const link = { kind: 'compliance-item', key: 'annual-report:2025', date: '2026-06-30' } as const
  expect(messageTarget({ link, enterpriseId: 'ent-ruifeng' })).toEqual({
    route: ROUTES.complianceDetail,
    query: { enterpriseId: 'ent-ruifeng', key: 'annual-report:2025', date: '2026-06-30' },
  })
  expect(messageTarget({ link, enterpriseId: null })).toEqual({ route: ROUTES.compliance, query: {} })
})

test('the inbox opens the page, and the query, of the deep link the server sends for the same thing', () => {
  const enterpriseId = 'ent-ruifeng'
  const cases: [Parameters<typeof messageTarget>[0]['link'], string][] = [
    [{ kind: 'licence', licenceId: 'lic-1' }, licenceLink('lic-1')],
    [{ kind: 'policy', policyId: 'pol-9' }, policyLink('pol-9')],
    [{ kind: 'complaint', complaintId: 'c-3' }, complaintLink('c-3')],
    [{ kind: 'seal-report', month: '2026-03' }, sealReportLink(enterpriseId, '2026-03')],
    [{ kind: 'seal-audit' }, sealAuditLink(enterpriseId)],
    [
      { kind: 'compliance-item', key: 'tax:vat:2026-05', date: '2026-06-15' },
      complianceItemLink(enterpriseId, 'tax:vat:2026-05', '2026-06-15'),
    ],
  ]
  for (const [link, deepLink] of cases) {
    const target = messageTarget({ link, enterpriseId })
    const [page, query = ''] = deepLink.split('?')
    expect(target?.route).toBe(`/${page}`)
    // Every parameter of the deep link, with its value (the inbox may add the message's enterprise).
    for (const pair of query.split('&').filter(Boolean)) {
      const [name, value] = pair.split('=')
      expect(target?.query[name]).toBe(decodeURIComponent(value))
    }
  }
})
