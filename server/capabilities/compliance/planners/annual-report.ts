import { planAnnualReport } from '../../../../src/domain/compliance/annualReport'
import { filedReportYears, profilesOf, reportReminderDays } from '../compliance-repo'
import { dueOf, yearsAround, type CompliancePlanner, type DueReminder } from './planner'

/** 年报: the report due by 30 June on the year before, on the user's days or the defaults; none once 已报送. */
export const annualReportPlanner: CompliancePlanner = {
  kind: 'annual-report',
  async plan(input) {
    const ids = input.enterprises.map((e) => e.id)
    const [profiles, filed, days] = await Promise.all([
      profilesOf(input.db, ids),
      filedReportYears(input.db, ids),
      reportReminderDays(input.db, ids),
    ])
    const out: DueReminder[] = []
    for (const enterprise of input.enterprises) {
      for (const year of yearsAround(input.date)) {
        if (filed.get(enterprise.id)?.has(year - 1)) continue
        const facts = {
          enterpriseId: enterprise.id,
          entityType: profiles.get(enterprise.id)?.entityType ?? 'enterprise',
          establishedOn: enterprise.foundedOn,
        }
        for (const item of planAnnualReport(facts, year, days.get(enterprise.id)?.get(year))) {
          out.push(...dueOf(input, item))
        }
      }
    }
    return out
  },
}
