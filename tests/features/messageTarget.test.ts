import { ROUTES } from '../../src/core/routes'
import { messageTarget } from '../../src/features/inbox/messageTarget'

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
