import { planCreditRepair } from '../../../../src/domain/compliance/creditRepair'
import { penaltiesOf } from '../compliance-repo'
import { dueOf, yearsAround, type CompliancePlanner, type DueReminder } from './planner'

/** 信用修复: a published penalty's earliest application day. */
export const creditRepairPlanner: CompliancePlanner = {
  kind: 'credit-repair',
  async plan(input) {
    const penalties = await penaltiesOf(
      input.db,
      input.enterprises.map((e) => e.id),
    )
    const out: DueReminder[] = []
    for (const penalty of penalties) {
      for (const year of yearsAround(input.date)) {
        for (const item of planCreditRepair(penalty, year)) out.push(...dueOf(input, item))
      }
    }
    return out
  },
}
