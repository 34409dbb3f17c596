import { planTaxFiling } from '../../../../src/domain/compliance/taxFiling'
import { profilesOf } from '../compliance-repo'
import { dueOf, yearsAround, type CompliancePlanner, type DueReminder } from './planner'

/** 纳税申报: each return the enterprise's tax settings say it files; none until they are filled in. */
export const taxFilingPlanner: CompliancePlanner = {
  kind: 'tax-filing',
  async plan(input) {
    const profiles = await profilesOf(
      input.db,
      input.enterprises.map((e) => e.id),
    )
    const out: DueReminder[] = []
    for (const enterprise of input.enterprises) {
      const tax = profiles.get(enterprise.id)?.tax
      if (!tax) continue
      for (const year of yearsAround(input.date)) {
        for (const item of planTaxFiling(enterprise.id, tax, year)) out.push(...dueOf(input, item))
      }
    }
    return out
  },
}
