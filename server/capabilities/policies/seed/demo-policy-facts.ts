import type { Queryable } from '../../../kernel/db/db'
import type { EnterpriseProfile } from '../../../../src/domain/policies/profile'
import { DEMO_ENTERPRISES, type DemoEnterprise } from '../../../kernel/seed/demo-data'
import { DEMO_POLICIES } from './demo-policies'

/**
 * Demo 惠企政策 (published, without pushing anything) and each demo enterprise's policy facts,
 * so the catalogue, the 政策计算器 and 为我匹配 have something to show. Idempotent: existing
 * policies and facts (an admin's edit, a user's saved calculator) are left as they are.
 */

/** What the registry does not say about the demo enterprises: invented, like the enterprises. */
const EXTRA_FACTS: Record<string, EnterpriseProfile> = {
  ruifeng: {
    regionCode: '411002',
    revenueWan: 6800,
    assetsWan: 5200,
    rdSpendWan: 210,
    qualifications: ['tech-sme'],
    taxCreditGrade: 'A',
    developmentZone: null,
    exporter: false,
    lastSeriousViolationOn: null,
  },
  jianfeng: {
    regionCode: '411003',
    revenueWan: 18500,
    assetsWan: 21000,
    rdSpendWan: 620,
    qualifications: ['high-tech', 'specialized'],
    taxCreditGrade: 'A',
    developmentZone: '许昌经济技术开发区',
    exporter: true,
    lastSeriousViolationOn: null,
  },
  zhilian: {
    regionCode: '330802',
    revenueWan: 3200,
    assetsWan: 2600,
    rdSpendWan: 260,
    qualifications: ['high-tech', 'tech-sme'],
    taxCreditGrade: 'B',
    developmentZone: '衢州智造新城',
    exporter: true,
    lastSeriousViolationOn: null,
  },
  yunfan: { regionCode: '330803', revenueWan: 900, qualifications: ['tech-sme'], taxCreditGrade: 'M' },
  yuxiang: { regionCode: '411081', revenueWan: 450, developmentZone: null, lastSeriousViolationOn: null },
  hengxin: { regionCode: '330802' },
}

export function demoProfileOf(enterprise: DemoEnterprise): EnterpriseProfile {
  return {
    industryCode: enterprise.industryCode,
    employees: enterprise.employees,
    registeredCapitalWan: enterprise.registeredCapitalWan,
    foundedOn: enterprise.foundedOn,
    ...EXTRA_FACTS[enterprise.key],
  }
}

export async function seedDemoPolicies(tx: Queryable): Promise<void> {
  for (const policy of DEMO_POLICIES) {
    await tx.query(
      `insert into policies (id, status, body, published_at) values ($1, 'published', $2::jsonb, now())
       on conflict (id) do nothing`,
      [policy.id, JSON.stringify(policy)],
    )
  }
}

/** Facts for each demo enterprise present (found by name) that has none yet. */
export async function seedDemoPolicyFacts(tx: Queryable): Promise<void> {
  for (const enterprise of DEMO_ENTERPRISES) {
    await tx.query(
      `insert into enterprise_policy_facts (enterprise_id, profile)
       select id, $2::jsonb from enterprises where name = $1
       on conflict (enterprise_id) do nothing`,
      [enterprise.name, JSON.stringify(demoProfileOf(enterprise))],
    )
  }
}

/** Both of the above; safe to run on every start. */
export async function seedDemoPolicyData(tx: Queryable): Promise<void> {
  await seedDemoPolicies(tx)
  await seedDemoPolicyFacts(tx)
}
