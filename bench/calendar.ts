/**
 * One year of compliance deadlines (年报, 纳税申报, 信用修复, 政策申报窗口) for 100,000 synthetic enterprises —
 * what the compliance planners will do each night — against a naive per-item method (dayjs, one
 * `chinese-days` isWorkday call per day walked) timed on a sample and extrapolated.
 * Budget: ≤ 2 s for 100,000 enterprises (issue #14 item 15). Run alone: `npx tsx bench/calendar.ts`.
 * The feed half of item 15 (p95 over HTTP for an agent with 50 enterprises) is bench/calendar-feed.ts;
 * `npm run bench -- calendar` runs both.
 */
import dayjs from 'dayjs'
import { isWorkday } from 'chinese-days'
import { fromDayNumber, toDayNumber } from '../src/domain/calendar/dates'
import type { PenaltyField } from '../src/domain/compliance/creditRepair'
import type { ComplianceItem } from '../src/domain/compliance/item'
import { planYear, type EnterpriseComplianceFacts } from '../src/domain/compliance/planYear'
import type { PolicyWindowFacts } from '../src/domain/compliance/policyWindow'
import { PUBLISHED_TAX_DEADLINES } from '../src/domain/compliance/taxCalendar'
import { prng } from './prng'

const YEAR = 2026
const FIELDS: PenaltyField[] = ['general', 'special-equipment', 'work-safety', 'fire-safety']

/** 45 policies (as many as the demo catalogue), windows opening in Q1 and closing from June on. */
function syntheticPolicies(random: () => number): PolicyWindowFacts[] {
  const opensFirst = toDayNumber(`${YEAR}-01-01`)
  const closesFirst = toDayNumber(`${YEAR}-06-01`)
  return Array.from({ length: 45 }, (_, i) => ({
    policyId: `policy${i}`,
    title: `政策${i}`,
    opensOn: fromDayNumber(opensFirst + Math.floor(random() * 90)),
    closesOn: fromDayNumber(closesFirst + Math.floor(random() * 200)),
  }))
}

function syntheticEnterprises(count: number, seed: number): EnterpriseComplianceFacts[] {
  const random = prng(seed)
  const policies = syntheticPolicies(random)
  const first = toDayNumber('2000-01-01')
  const span = toDayNumber('2026-12-31') - first + 1
  const penaltyFirst = toDayNumber('2025-01-01')
  return Array.from({ length: count }, (_, i) => {
    const entityType = random() < 0.6 ? 'enterprise' : random() < 0.9 ? 'individual-business' : 'cooperative'
    const facts: EnterpriseComplianceFacts = {
      enterpriseId: `e${i}`,
      entityType,
      establishedOn: fromDayNumber(first + Math.floor(random() * span)),
    }
    if (random() < 0.9) {
      facts.tax = {
        vatPayer: random() < 0.3 ? 'general' : 'small',
        hasEmployees: random() < 0.7,
        corporateIncomeTax: entityType !== 'individual-business',
      }
    }
    if (random() < 0.3) {
      const favourites = 1 + Math.floor(random() * 3)
      facts.policies = Array.from({ length: favourites }, () => policies[Math.floor(random() * policies.length)])
    }
    if (random() < 0.05) {
      facts.penalties = [
        {
          enterpriseId: facts.enterpriseId,
          penaltyId: `p${i}`,
          decidedOn: fromDayNumber(penaltyFirst + Math.floor(random() * 700)),
          field: FIELDS[Math.floor(random() * FIELDS.length)],
          simpleProcedure: random() < 0.2,
        },
      ]
    }
    return facts
  })
}

// ---- the naive method: a dayjs object per step, chinese-days asked about every day ----

const iso = (date: dayjs.Dayjs) => date.format('YYYY-MM-DD')

function naiveWorkingDaysBefore(date: dayjs.Dayjs, count: number): dayjs.Dayjs {
  let current = date
  for (let left = count; left > 0;) {
    current = current.subtract(1, 'day')
    if (isWorkday(iso(current))) left--
  }
  return current
}

function naiveOnOrAfter(date: dayjs.Dayjs): dayjs.Dayjs {
  let current = date
  while (!isWorkday(iso(current))) current = current.add(1, 'day')
  return current
}

/** Due dates and reminder days per item, recomputed item by item (no shared tables). */
function naivePlan(facts: EnterpriseComplianceFacts, year: number): string[] {
  const out: string[] = []
  const published = PUBLISHED_TAX_DEADLINES[year]
  const monthDeadline = (month: number) =>
    dayjs(`${year}-${String(month).padStart(2, '0')}-${String(published[month - 1]).padStart(2, '0')}`)
  const taxItem = (due: dayjs.Dayjs) => {
    out.push(iso(due), iso(naiveWorkingDaysBefore(due, 3)), iso(naiveWorkingDaysBefore(due, 1)))
  }
  if (Number(facts.establishedOn.slice(0, 4)) <= year - 1) {
    const due = dayjs(`${year}-06-30`)
    out.push(iso(due), iso(naiveOnOrAfter(dayjs(`${year}-01-01`))), `${year}-06-01`)
    out.push(iso(naiveWorkingDaysBefore(due, 7)), iso(naiveWorkingDaysBefore(due, 1)))
  }
  const tax = facts.tax
  if (tax) {
    for (let month = 1; month <= 12; month++) {
      const quarterly = month % 3 === 1
      if (tax.vatPayer === 'general' || (tax.vatPayer === 'small' && quarterly)) taxItem(monthDeadline(month))
      if (tax.hasEmployees) taxItem(monthDeadline(month))
      if (tax.corporateIncomeTax && quarterly) taxItem(monthDeadline(month))
      if (quarterly) taxItem(monthDeadline(month))
    }
    if (tax.corporateIncomeTax) {
      const annual = naiveOnOrAfter(dayjs(`${year}-05-31`))
      taxItem(annual)
      taxItem(annual)
    }
  }
  for (const penalty of facts.penalties ?? []) {
    if (penalty.simpleProcedure) continue
    const earliest = dayjs(penalty.decidedOn)
      .add(penalty.field === 'general' ? 3 : 12, 'month')
      .add(1, 'day')
    if (earliest.year() === year) out.push(iso(earliest), iso(dayjs(penalty.decidedOn).add(36, 'month')))
  }
  for (const policy of facts.policies ?? []) {
    const closes = dayjs(policy.closesOn)
    out.push(policy.closesOn ?? '', iso(naiveOnOrAfter(dayjs(policy.opensOn))))
    out.push(iso(naiveWorkingDaysBefore(closes, 5)), iso(naiveWorkingDaysBefore(closes, 1)))
  }
  return out
}

function ourDates(items: readonly ComplianceItem[]): string[] {
  return items.flatMap((item) => [item.dueDate, ...item.reminders.map((day) => day.date)])
}

function timed<T>(work: () => T): { ms: number; result: T } {
  const start = performance.now()
  const result = work()
  return { ms: performance.now() - start, result }
}

export interface CalendarBenchResult {
  enterprises: number
  items: number
  ms: number
  naiveSampleMs: number
  naiveMsEstimated: number
  ratio: number
  sampleMismatches: number
}

export async function benchCalendar(log: (line: string) => void = console.log): Promise<CalendarBenchResult> {
  const enterprises = syntheticEnterprises(100_000, 7)
  const sample = enterprises.slice(0, 2_000)
  for (const facts of enterprises.slice(0, 5_000)) planYear(facts, YEAR) // warm-up: calendar table, JIT

  const run = timed(() => {
    let items = 0
    for (const facts of enterprises) items += planYear(facts, YEAR).length
    return items
  })
  const naive = timed(() => sample.map((facts) => naivePlan(facts, YEAR)))
  const naiveMsEstimated = naive.ms * (enterprises.length / sample.length)

  // The naive dates must be the same multiset as ours, enterprise by enterprise.
  let sampleMismatches = 0
  sample.forEach((facts, i) => {
    const ours = ourDates(planYear(facts, YEAR)).sort().join()
    if (ours !== [...naive.result[i]].sort().join()) sampleMismatches++
  })

  log(
    `calendar ${YEAR}: 100,000 enterprises → ${run.result.toLocaleString('en')} items in ${run.ms.toFixed(0)} ms (budget 2,000 ms)`,
  )
  log(
    `  naive (dayjs + chinese-days per day, per item): ${sample.length.toLocaleString('en')} in ${naive.ms.toFixed(0)} ms → 100,000 ≈ ${(naiveMsEstimated / 1000).toFixed(1)} s; ratio ${(naiveMsEstimated / run.ms).toFixed(1)}×; sample mismatches ${sampleMismatches}`,
  )
  return {
    enterprises: enterprises.length,
    items: run.result,
    ms: run.ms,
    naiveSampleMs: naive.ms,
    naiveMsEstimated,
    ratio: naiveMsEstimated / run.ms,
    sampleMismatches,
  }
}

if (process.argv[1] !== undefined && /bench[\\/]calendar\.ts$/.test(process.argv[1])) {
  benchCalendar().catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
