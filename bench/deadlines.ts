/**
 * Deadline + status + due reminders for 62,000 (one city) and 1,000,000 (a province) synthetic
 * licences on one run date — the nightly reminder job's work — against a naive method (dayjs,
 * one `chinese-days` isWorkday call per day) timed on a sample and extrapolated.
 * Target: ≤ 1 s for 1,000,000 on a 2-core machine. Run alone: `npx tsx bench/deadlines.ts`.
 */
import dayjs from 'dayjs'
import { isWorkday } from 'chinese-days'
import { fromDayNumber, toDayNumber } from '../src/domain/calendar/dates'
import { LICENCE_CATALOGUE } from '../src/domain/licences/catalogue'
import { renewalDeadlineDays } from '../src/domain/licences/deadline'
import type { LeadRule, SimpleLeadRule } from '../src/domain/licences/leadRules'
import { DEFAULT_REMINDER_OFFSETS, dueReminderOffsetOnDay } from '../src/domain/licences/reminders'
import { statusOnDay, type LicenceStatus } from '../src/domain/licences/status'
import { prng } from './prng'

interface SyntheticLicence {
  expiresOn: string
  leadRule: LeadRule
  renewing: boolean
  cancelled: boolean
}

const RUN_DATE = '2026-02-10'

function syntheticLicences(count: number, seed: number): SyntheticLicence[] {
  const random = prng(seed)
  const first = toDayNumber('2025-01-01')
  const span = toDayNumber('2031-12-31') - first + 1
  const dates = Array.from({ length: span }, (_, i) => fromDayNumber(first + i))
  return Array.from({ length: count }, () => ({
    expiresOn: dates[Math.floor(random() * span)],
    leadRule: LICENCE_CATALOGUE[Math.floor(random() * LICENCE_CATALOGUE.length)].leadRule,
    renewing: random() < 0.05,
    cancelled: random() < 0.02,
  }))
}

interface JobTally {
  statuses: Record<LicenceStatus, number>
  reminders: number
  estimates: number
}

/** What the job does per licence: parse, deadline, status, reminder due today. */
function runJob(licences: readonly SyntheticLicence[], runDate: string): JobTally {
  const today = toDayNumber(runDate)
  const statuses: Record<LicenceStatus, number> = {
    valid: 0,
    'renewal-due': 0,
    urgent: 0,
    'deadline-missed': 0,
    expired: 0,
    renewing: 0,
    cancelled: 0,
  }
  let reminders = 0
  let estimates = 0
  for (const licence of licences) {
    const expiry = toDayNumber(licence.expiresOn)
    const deadline = renewalDeadlineDays(expiry, licence.leadRule)
    statuses[statusOnDay(deadline, expiry, today, licence.renewing, licence.cancelled)]++
    if (deadline.estimate) estimates++
    if (licence.renewing || licence.cancelled) continue
    if (dueReminderOffsetOnDay(deadline.latest, today, DEFAULT_REMINDER_OFFSETS) >= 0) reminders++
    if (expiry === today) reminders++
  }
  return { statuses, reminders, estimates }
}

// ---- the naive method: a dayjs object per day, chinese-days asked about every day ----

function naiveRuleDate(expiry: dayjs.Dayjs, rule: SimpleLeadRule): dayjs.Dayjs {
  if (rule.kind === 'months') return expiry.subtract(rule.months, 'month')
  if (rule.kind === 'calendarDays') return expiry.subtract(rule.days, 'day')
  let date = expiry
  for (let left = rule.days; left > 0;) {
    date = date.subtract(1, 'day')
    if (isWorkday(date.format('YYYY-MM-DD'))) left--
  }
  return date
}

function naiveLatest(expiresOn: string, rule: LeadRule): string {
  let date = naiveRuleDate(dayjs(expiresOn), rule.kind === 'window' ? rule.latest : rule)
  while (!isWorkday(date.format('YYYY-MM-DD'))) date = date.subtract(1, 'day')
  return date.format('YYYY-MM-DD')
}

function runNaive(licences: readonly SyntheticLicence[], runDate: string): { reminders: number; latest: string[] } {
  const today = dayjs(runDate)
  const latest: string[] = []
  let reminders = 0
  for (const licence of licences) {
    const deadline = naiveLatest(licence.expiresOn, licence.leadRule)
    latest.push(deadline)
    const daysBefore = dayjs(deadline).diff(today, 'day')
    if (!licence.renewing && !licence.cancelled && DEFAULT_REMINDER_OFFSETS.includes(daysBefore)) reminders++
  }
  return { reminders, latest }
}

function timed<T>(work: () => T): { ms: number; result: T } {
  const start = performance.now()
  const result = work()
  return { ms: performance.now() - start, result }
}

export interface DeadlineBenchResult {
  runDate: string
  cityMs: number
  provinceMs: number
  naiveSampleMs: number
  naiveProvinceMsEstimated: number
  speedup: number
  sampleMismatches: number
  tally: JobTally
}

export async function benchDeadlines(log: (line: string) => void = console.log): Promise<DeadlineBenchResult> {
  const city = syntheticLicences(62_000, 1)
  const province = syntheticLicences(1_000_000, 2)
  const sample = province.slice(0, 20_000)
  runJob(city, RUN_DATE) // warm-up: builds the calendar table and lets the JIT settle

  const cityRun = timed(() => runJob(city, RUN_DATE))
  const provinceRun = timed(() => runJob(province, RUN_DATE))
  const naive = timed(() => runNaive(sample, RUN_DATE))
  const naiveProvinceMsEstimated = naive.ms * (province.length / sample.length)

  // The naive dates must agree with ours where the package's data applies (positive UTC offsets).
  let sampleMismatches = 0
  sample.forEach((licence, i) => {
    const ours = fromDayNumber(renewalDeadlineDays(toDayNumber(licence.expiresOn), licence.leadRule).latest)
    if (ours !== naive.result.latest[i]) sampleMismatches++
  })

  const perLicenceNs = (provinceRun.ms * 1e6) / province.length
  log(
    `deadlines @ ${RUN_DATE}: 62,000 licences ${cityRun.ms.toFixed(1)} ms; 1,000,000 licences ${provinceRun.ms.toFixed(1)} ms (${perLicenceNs.toFixed(0)} ns each)`,
  )
  log(
    `  naive (dayjs + chinese-days per day): ${sample.length.toLocaleString('en')} in ${naive.ms.toFixed(0)} ms → 1,000,000 ≈ ${(naiveProvinceMsEstimated / 1000).toFixed(1)} s; ratio ${(naiveProvinceMsEstimated / provinceRun.ms).toFixed(0)}×`,
  )
  log(
    `  reminders due ${provinceRun.result.reminders.toLocaleString('en')}; estimated deadlines ${provinceRun.result.estimates.toLocaleString('en')}; sample mismatches vs naive ${sampleMismatches}`,
  )
  log(`  statuses ${JSON.stringify(provinceRun.result.statuses)}`)
  return {
    runDate: RUN_DATE,
    cityMs: cityRun.ms,
    provinceMs: provinceRun.ms,
    naiveSampleMs: naive.ms,
    naiveProvinceMsEstimated,
    speedup: naiveProvinceMsEstimated / provinceRun.ms,
    sampleMismatches,
    tally: provinceRun.result,
  }
}

if (process.argv[1] !== undefined && /bench[\\/]deadlines\.ts$/.test(process.argv[1])) {
  benchDeadlines().catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
