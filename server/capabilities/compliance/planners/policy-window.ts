import { planPolicyWindow, type PolicyWindowFacts } from '../../../../src/domain/compliance/policyWindow'
import { matchPolicy } from '../../../../src/domain/policies/match'
import { regionFullName } from '../../../../src/domain/regions/regionNames'
import { profileFactsOf, publishedPolicies } from '../read-model/policies'
import { dueOf, yearsAround, type CompliancePlanner, type DueReminder } from './planner'

/**
 * 政策申报: the application window of a published policy, as on the timeline — for everyone who
 * may act for an enterprise it is 可申报 for, and for a user who favourited it, on each enterprise
 * they may act for.
 */
export const policyWindowPlanner: CompliancePlanner = {
  kind: 'policy-window',
  async plan(input) {
    const years = yearsAround(input.date)
    const policies = (await publishedPolicies(input.db))
      .filter((row) => row.body.applicationWindow?.closesOn !== undefined)
      .map((row) => ({
        policy: row.body,
        window: {
          policyId: row.id,
          title: row.body.title,
          opensOn: row.body.applicationWindow.opensOn,
          closesOn: row.body.applicationWindow.closesOn,
        } as PolicyWindowFacts,
      }))
      // Only windows that can remind this year or next: closing on or after the run date.
      .filter((p) => p.window.closesOn! >= input.date && years.includes(Number(p.window.closesOn!.slice(0, 4))))
    if (policies.length === 0) return []
    const out: DueReminder[] = []
    const plan = (enterpriseId: string, window: PolicyWindowFacts, userId?: string) => {
      for (const year of years) {
        for (const item of planPolicyWindow(enterpriseId, window, year)) out.push(...dueOf(input, item, userId))
      }
    }
    const eligible = new Map<string, Set<string>>()
    for (const enterprise of input.enterprises) {
      const facts = (await profileFactsOf(input.db, [enterprise.id])).get(enterprise.id) ?? {}
      const set = new Set<string>()
      for (const p of policies) {
        if (matchPolicy(facts, p.policy, input.date, regionFullName).verdict !== 'eligible') continue
        set.add(p.window.policyId)
        plan(enterprise.id, p.window)
      }
      eligible.set(enterprise.id, set)
    }
    const users = [...input.readers.keys()]
    if (users.length === 0) return out
    const { rows } = await input.db.query<{ user_id: string; policy_id: string }>(
      'select user_id, policy_id from policy_favourites where user_id = any($1::uuid[]) and policy_id = any($2::text[])',
      [users, policies.map((p) => p.window.policyId)],
    )
    for (const row of rows) {
      const p = policies.find((candidate) => candidate.window.policyId === row.policy_id)!
      for (const enterpriseId of input.readers.get(row.user_id) ?? []) {
        // Already planned for everyone there (the same rows): not twice.
        if (eligible.get(enterpriseId)?.has(row.policy_id)) continue
        plan(enterpriseId, p.window, row.user_id)
      }
    }
    return out
  },
}
