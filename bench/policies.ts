/**
 * 惠企政策 bulk matching: 1,000 synthetic policies × 100,000 synthetic enterprise profiles
 * (10^8 pairs, the nightly 精准推送 run for a city) through the compiled matcher, against the
 * explaining matcher (matchPolicy, one pair at a time) timed on a sample and extrapolated.
 * Target: ≤ 3 s on a 2-core machine. Run alone: `npx tsx bench/policies.ts`.
 */
import { fromDayNumber, toDayNumber } from '../src/domain/calendar/dates'
import { compilePolicies } from '../src/domain/policies/compiled'
import type { Condition, LeafCondition } from '../src/domain/policies/conditions'
import { matchPolicy, type Verdict } from '../src/domain/policies/match'
import type { Policy } from '../src/domain/policies/policy'
import { QUALIFICATIONS, TAX_CREDIT_GRADES, type EnterpriseProfile } from '../src/domain/policies/profile'
import { encodeProfiles } from '../src/domain/policies/profileTable'
import { SIZE_CLASSES } from '../src/domain/policies/sizeClass'
import { prng } from './prng'

const TODAY = '2026-03-01'

const INDUSTRIES = ['C1432', 'C1391', 'C3311', 'C3484', 'C3912', 'C2710', 'I6513', 'I6421', 'F5191', 'F5211']
const MORE_INDUSTRIES = ['E4813', 'G5810', 'G5990', 'H6210', 'K7010', 'K7020', 'L7211', 'M7320', 'A0111', 'D4411']
const INDUSTRY_PREFIXES = ['C', 'C13', 'C14', 'C33', 'C34', 'C39', 'C27', 'I65', 'I', 'F51', 'M', 'E', 'G']
const REGIONS = ['411002', '411003', '411023', '411024', '411081', '330802', '330803', '330822', '330881', '410102']
const AREA_CODES = ['410000', '411000', '411002', '411081', '330000', '330800', '330802', '330881']
const ZONES = ['许昌经济技术开发区', '许昌市城乡一体化示范区', '衢州智造新城', '衢州高新技术产业开发区']

function synthetic(seed: number) {
  const random = prng(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]
  const some = <T>(items: readonly T[], most: number): T[] => {
    const chosen = items.filter(() => random() < 0.4).slice(0, most)
    return chosen.length ? chosen : [pick(items)]
  }
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1))
  return { random, pick, some, int }
}

export function syntheticPolicies(count: number, seed: number): Policy[] {
  const { random, pick, some, int } = synthetic(seed)
  let next = 0
  const leaf = (): LeafCondition => {
    const id = `c${next++}`
    switch (int(0, 11)) {
      case 0:
        return {
          id,
          kind: 'industry',
          include: some(INDUSTRY_PREFIXES, 3),
          ...(random() < 0.2 ? { exclude: ['C16'] } : {}),
        }
      case 1:
        return { id, kind: 'sizeClass', allowed: some(SIZE_CLASSES, 3) }
      case 2:
        return random() < 0.5
          ? { id, kind: 'foundedYears', minYears: int(1, 3) }
          : { id, kind: 'foundedYears', maxYears: int(3, 10) }
      case 3:
        return { id, kind: 'registeredCapital', minWan: pick([50, 100, 500, 1000]) }
      case 4:
        return random() < 0.8
          ? { id, kind: 'region', areas: [{ code: pick(AREA_CODES), name: '某地' }] }
          : { id, kind: 'region', zones: [pick(ZONES)] }
      case 5:
        return { id, kind: 'qualification', required: some(QUALIFICATIONS, 2), mode: random() < 0.7 ? 'any' : 'all' }
      case 6:
        return { id, kind: 'taxCreditGrade', allowed: some(TAX_CREDIT_GRADES.slice(0, 3), 2) }
      case 7:
        return random() < 0.5
          ? { id, kind: 'employees', min: int(5, 50) }
          : { id, kind: 'employees', max: int(100, 1000) }
      case 8:
        return { id, kind: 'revenue', minWan: pick([100, 500, 2000, 5000]) }
      case 9:
        return { id, kind: 'rdRatio', minPercent: pick([3, 4, 5, 6]) }
      case 10:
        return { id, kind: 'exporter' }
      default:
        return { id, kind: 'noSeriousViolation', years: int(1, 3) }
    }
  }
  return Array.from({ length: count }, (_, i): Policy => {
    next = 0
    const members: Condition[] = Array.from({ length: int(2, 6) }, leaf)
    if (random() < 0.15) members.push({ id: 'g', any: [leaf(), leaf()] })
    return {
      id: `p${i}`,
      title: `政策 ${i}`,
      issuer: '某局',
      level: 'city',
      region: '某市',
      summary: '合成数据',
      benefit: { type: 'subsidy', text: '补贴' },
      applicationWindow: {},
      howToApply: '线上申报',
      materials: [],
      autoGrant: random() < 0.2,
      eligibility: random() < 0.05 ? { any: members } : { all: members },
    }
  })
}

export function syntheticProfiles(count: number, seed: number): EnterpriseProfile[] {
  const { random, pick, some, int } = synthetic(seed)
  const known = <T>(value: T): T | undefined => (random() < 0.9 ? value : undefined)
  const first = toDayNumber('1995-01-01')
  const span = toDayNumber(TODAY) - first
  return Array.from({ length: count }, () => {
    const revenue = Math.round(10 ** (1 + random() * 4.5))
    return {
      industryCode: known(random() < 0.7 ? pick(INDUSTRIES) : pick(MORE_INDUSTRIES)),
      employees: known(Math.round(10 ** (random() * 3.3))),
      revenueWan: known(revenue),
      assetsWan: known(Math.round(revenue * (0.5 + random() * 2))),
      registeredCapitalWan: known(pick([10, 50, 100, 200, 500, 1000, 3000])),
      foundedOn: known(fromDayNumber(first + Math.floor(random() * span))),
      regionCode: known(pick(REGIONS)),
      developmentZone: known(random() < 0.3 ? pick(ZONES) : null),
      qualifications: known(random() < 0.6 ? [] : some(QUALIFICATIONS, 2)),
      taxCreditGrade: known(pick(TAX_CREDIT_GRADES)),
      rdSpendWan: known(Math.round(revenue * random() * 0.1)),
      exporter: known(random() < 0.25),
      lastSeriousViolationOn: known(random() < 0.9 ? null : fromDayNumber(first + int(0, span))),
    }
  })
}

/** Wall time, and CPU time of this process: on a shared machine the wall clock also counts waiting. */
function timed<T>(work: () => T): { ms: number; cpuMs: number; result: T } {
  const [start, cpu] = [performance.now(), process.cpuUsage()]
  const result = work()
  const used = process.cpuUsage(cpu)
  return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, result }
}

export interface PolicyBenchResult {
  pairs: number
  encodeMs: number
  compileMs: number
  matchMs: number
  matchCpuMs: number
  naiveSamplePairs: number
  naiveSampleMs: number
  naiveMsEstimated: number
  speedup: number
  eligiblePairs: number
  nearPairs: number
  sampleMismatches: number
}

export async function benchPolicyMatching(log: (line: string) => void = console.log): Promise<PolicyBenchResult> {
  const policies = syntheticPolicies(1_000, 11)
  const profiles = syntheticProfiles(100_000, 12)
  const encode = timed(() => encodeProfiles(profiles))
  const compile = timed(() => compilePolicies(policies, TODAY))
  compile.result.matchTable(encodeProfiles(profiles.slice(0, 4096))) // warm-up for the JIT
  const match = timed(() => compile.result.matchTable(encode.result))
  const found = match.result
  const pairs = policies.length * profiles.length

  // The explaining matcher, one pair at a time, on the first profiles; its verdicts must agree.
  const sample = profiles.slice(0, 200)
  const naive = timed(() =>
    sample.map((profile) => policies.map((policy) => matchPolicy(profile, policy, TODAY).verdict)),
  )
  let sampleMismatches = 0
  naive.result.forEach((verdicts, i) => {
    const fast: Verdict[] = policies.map(() => 'ineligible')
    for (let k = found.eligibleStart[i]; k < found.eligibleStart[i + 1]; k++) fast[found.eligible[k]] = 'eligible'
    for (let k = found.nearStart[i]; k < found.nearStart[i + 1]; k++) fast[found.near[k]] = 'near'
    verdicts.forEach((verdict, p) => {
      if (verdict !== fast[p]) sampleMismatches++
    })
  })
  const naiveSamplePairs = sample.length * policies.length
  const naiveMsEstimated = naive.ms * (pairs / naiveSamplePairs)

  const share = (count: number) => `${((count / pairs) * 100).toFixed(1)} %`
  log(
    `policies: ${policies.length.toLocaleString('en')} × ${profiles.length.toLocaleString('en')} profiles = ${pairs.toExponential(0)} pairs in ${match.ms.toFixed(0)} ms (CPU ${match.cpuMs.toFixed(0)} ms; ${((match.ms * 1e6) / pairs).toFixed(1)} ns/pair); encode ${encode.ms.toFixed(0)} ms, compile ${compile.ms.toFixed(1)} ms (${compile.result.distinctConditions} distinct conditions)`,
  )
  log(
    `  naive (matchPolicy per pair): ${naiveSamplePairs.toLocaleString('en')} pairs in ${naive.ms.toFixed(0)} ms → ${pairs.toExponential(0)} ≈ ${(naiveMsEstimated / 1000).toFixed(0)} s; ratio ${(naiveMsEstimated / match.ms).toFixed(0)}×`,
  )
  log(
    `  可申报 ${found.eligible.length.toLocaleString('en')} pairs (${share(found.eligible.length)}), 差一点 ${found.near.length.toLocaleString('en')} (${share(found.near.length)}); sample mismatches vs matchPolicy ${sampleMismatches}`,
  )
  return {
    pairs,
    encodeMs: encode.ms,
    compileMs: compile.ms,
    matchMs: match.ms,
    matchCpuMs: match.cpuMs,
    naiveSamplePairs,
    naiveSampleMs: naive.ms,
    naiveMsEstimated,
    speedup: naiveMsEstimated / match.ms,
    eligiblePairs: found.eligible.length,
    nearPairs: found.near.length,
    sampleMismatches,
  }
}

if (process.argv[1] !== undefined && /bench[\\/]policies\.ts$/.test(process.argv[1])) {
  benchPolicyMatching().catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
