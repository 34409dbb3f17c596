import { COMPLAINT_PROGRESS_NOTICE } from '../../server/capabilities/complaints/complaint-notices'
import { COMPLIANCE_REMINDER_NOTICE } from '../../server/capabilities/compliance/reminder-notice'
import { LICENCE_REMINDER_NOTICE, platformMessage } from '../../server/capabilities/licences/jobs/reminder-message'
import { definedNotices } from '../../server/kernel/notify/notices'
import { POLICY_DIGEST_NOTICE, POLICY_NOTICE } from '../../server/capabilities/policies/policy-notices'
import { SEAL_GRANT_INVITE_NOTICE } from '../../server/capabilities/esign/seals/grants'
import { SEAL_ALERT_NOTICE, SEAL_REPORT_NOTICE } from '../../server/capabilities/esign/seals/seal-notices'
import { ROUTES } from '../../src/core/routes'
import { INBOX_KINDS } from '../../src/domain/inbox/kinds'
import { appPagesConfig } from '../../src/domain/appManifest'
import { COMPLIANCE_CALENDAR_LINK, complianceItemLink } from '../../src/domain/links'
import { openTestDb, type TestDb } from './helpers'

/** Every page of src/app.config.ts ('pages/…' and '<root>/pages/…'): it is generated from src/domain/manifest.ts. */
function appPages(): Set<string> {
  const config = appPagesConfig()
  return new Set([
    ...config.pages,
    ...config.subPackages.flatMap((pkg) => pkg.pages.map((page) => `${pkg.root}/${page}`)),
  ])
}

const pageOf = (link: string) => link.split('?')[0]

describe('notices', () => {
  it('are defined once per purpose, by each area', () => {
    expect(
      definedNotices()
        .map((notice) => notice.purpose)
        .sort(),
    ).toEqual(
      [
        'complaint-progress',
        'compliance-reminder',
        'licence-reminder',
        'policy',
        'policy-digest',
        'seal-alert',
        'seal-grant-invite',
        'seal-report',
      ].sort(),
    )
  })

  it('that a request sends after its commit are resent by the hourly notice-retries job (their `retry`)', () => {
    expect(
      definedNotices()
        .filter((notice) => notice.retry)
        .map((notice) => notice.purpose)
        .sort(),
    ).toEqual(['complaint-progress', 'policy'])
  })

  it('link only to pages the app has (every deep link the server emits)', () => {
    const pages = appPages()
    const links = [
      LICENCE_REMINDER_NOTICE.link('5f1c0e7a-3b1d-4c1e-9a51-2a3c4d5e6f70'),
      POLICY_NOTICE.link('policy-1'),
      POLICY_DIGEST_NOTICE.link(['policy-1']),
      POLICY_DIGEST_NOTICE.link(['policy-1', 'policy-2']),
      COMPLAINT_PROGRESS_NOTICE.link('5f1c0e7a-3b1d-4c1e-9a51-2a3c4d5e6f70'),
      COMPLIANCE_REMINDER_NOTICE.link({
        kind: 'annual-report',
        itemKey: 'annual-report:2025',
        offsetKey: 'on:2026-06-01',
        enterpriseId: '5f1c0e7a-3b1d-4c1e-9a51-2a3c4d5e6f70',
        enterpriseName: '企业',
        title: '2025年度年报',
        dueDate: '2026-06-30',
        opensOn: '2026-01-01',
        remindOn: '2026-06-01',
        countsWorkingDays: false,
        estimated: false,
        source: { type: 'detail' },
      }),
      SEAL_REPORT_NOTICE.link({ enterpriseId: '5f1c0e7a-3b1d-4c1e-9a51-2a3c4d5e6f70', month: '2026-03' }),
      SEAL_ALERT_NOTICE.link({ enterpriseId: '5f1c0e7a-3b1d-4c1e-9a51-2a3c4d5e6f70' }),
      platformMessage(
        {
          licenceId: 'l-1',
          enterpriseName: '企业',
          typeName: '卫生许可证',
          number: 'N1',
          offsetKey: 'd7',
          deadline: '2026-03-17',
        },
        'openid',
        'tpl',
        LICENCE_REMINDER_NOTICE.fieldNames.wechat,
      ).page,
    ]
    for (const link of links) {
      expect(link).not.toBeNull()
      expect(pages.has(pageOf(link as string))).toBe(true)
    }
    expect(SEAL_GRANT_INVITE_NOTICE.link('x')).toBeNull()
    // The app's route names for the same pages are the same paths.
    expect(pages.has(ROUTES.licenceDetail.slice(1))).toBe(true)
    expect(pageOf(LICENCE_REMINDER_NOTICE.link('x') as string)).toBe(ROUTES.licenceDetail.slice(1))
    expect(pageOf(POLICY_NOTICE.link('x') as string)).toBe(ROUTES.policyDetail.slice(1))
    expect(POLICY_DIGEST_NOTICE.link(['a', 'b'])).toBe(ROUTES.policies.slice(1))
    expect(pageOf(COMPLAINT_PROGRESS_NOTICE.link('x') as string)).toBe(ROUTES.complaintDetail.slice(1))
    expect(COMPLIANCE_CALENDAR_LINK).toBe(ROUTES.compliance.slice(1))
    expect(pageOf(complianceItemLink('e', 'tax:vat:2026-05', '2026-06-15'))).toBe(ROUTES.complianceDetail.slice(1))
    expect(pageOf(SEAL_REPORT_NOTICE.link({ enterpriseId: 'e', month: '2026-03' }) as string)).toBe(
      ROUTES.sealReports.slice(1),
    )
    expect(pageOf(SEAL_ALERT_NOTICE.link({ enterpriseId: 'e' }) as string)).toBe(ROUTES.sealAudit.slice(1))
  })

  it('name inbox kinds of the one list, which the database accepts exactly', async () => {
    for (const notice of definedNotices()) expect(INBOX_KINDS).toContain(notice.inboxKind)
    const testDb: TestDb = await openTestDb({ seed: false })
    try {
      const { rows } = await testDb.db.query<{ definition: string }>(
        `select pg_get_constraintdef(oid) as definition from pg_constraint where conname = 'inbox_messages_kind_check'`,
      )
      const inDb = [...rows[0].definition.matchAll(/'([a-z-]+)'/g)].map((match) => match[1])
      expect(inDb.sort()).toEqual([...INBOX_KINDS].sort())
    } finally {
      await testDb.close()
    }
  })
})
