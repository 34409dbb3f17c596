/**
 * Many profiles as columns of typed arrays — the form the bulk matcher scans. One column per fact,
 * each filled from encodeFacts so the columns mean exactly what the explaining matcher reads. The
 * table does not depend on the evaluation date or the policies; encode once, match many times.
 */
import { encodeFacts } from './prepare'
import type { EnterpriseProfile } from './profile'

/**
 * Industry, region and zone columns hold small ids into per-table lists of the distinct values:
 * a city's enterprises share a few hundred codes, so a condition is decided once per distinct
 * value and the scan is a table lookup. Id 0 is "unknown" everywhere; zone id 1 is "in no zone".
 */
export const UNKNOWN_ID = 0
export const NO_ZONE_ID = 1

export interface ProfileTable {
  readonly count: number
  /** Id k ≥ 1: industry class-key range industryRanges[k − 1] ([lo, hi]). */
  readonly industry: Int32Array
  readonly industryRanges: readonly (readonly [number, number])[]
  /** Possible size classes (bits). */
  readonly sizeMask: Uint8Array
  /** Day number; NaN unknown. */
  readonly foundedDay: Float64Array
  readonly employees: Float64Array
  readonly capital: Float64Array
  readonly revenue: Float64Array
  readonly rdRatio: Float64Array
  /** Id k ≥ 1: region-code range regionRanges[k − 1]. */
  readonly region: Int32Array
  readonly regionRanges: readonly (readonly [number, number])[]
  /** Id k ≥ 2: zoneNames[k − 2]. */
  readonly zone: Int32Array
  readonly zoneNames: readonly string[]
  // The bulk matcher needs only met / not met, and an unknown fact fails these conditions just as
  // a known "no" does, so 0 stands for both here.
  /** Qualification bits; 0 none or unknown. */
  readonly quals: Uint8Array
  /** Tax credit grade bit; 0 unknown. */
  readonly gradeBit: Uint8Array
  /** 1 exporter; 0 not or unknown. */
  readonly exporter: Uint8Array
  /** Day number of the latest serious violation; −Infinity none; NaN unknown. */
  readonly violationDay: Float64Array
}

/** Ids of distinct values, 1-based after `reserved` fixed ids; `values` lists them in id order. */
class Interner<T> {
  readonly values: T[] = []
  private readonly ids = new Map<string, number>()
  constructor(private readonly reserved: number) {}

  id(key: string, value: T): number {
    let id = this.ids.get(key)
    if (id === undefined) {
      id = this.values.push(value) + this.reserved - 1
      this.ids.set(key, id)
    }
    return id
  }
}

export function encodeProfiles(profiles: readonly EnterpriseProfile[]): ProfileTable {
  const n = profiles.length
  const industries = new Interner<readonly [number, number]>(1)
  const regions = new Interner<readonly [number, number]>(1)
  const zones = new Interner<string>(2)
  const t = {
    count: n,
    industry: new Int32Array(n),
    industryRanges: industries.values,
    sizeMask: new Uint8Array(n),
    foundedDay: new Float64Array(n),
    employees: new Float64Array(n),
    capital: new Float64Array(n),
    revenue: new Float64Array(n),
    rdRatio: new Float64Array(n),
    region: new Int32Array(n),
    regionRanges: regions.values,
    zone: new Int32Array(n),
    zoneNames: zones.values,
    quals: new Uint8Array(n),
    gradeBit: new Uint8Array(n),
    exporter: new Uint8Array(n),
    violationDay: new Float64Array(n),
  }
  for (let i = 0; i < n; i++) {
    const f = encodeFacts(profiles[i])
    if (f.industryLo >= 0)
      t.industry[i] = industries.id(`${f.industryLo}-${f.industryHi}`, [f.industryLo, f.industryHi])
    t.sizeMask[i] = f.sizeMask
    t.foundedDay[i] = f.foundedDay
    t.employees[i] = f.employees
    t.capital[i] = f.capital
    t.revenue[i] = f.revenue
    t.rdRatio[i] = f.rdRatio
    if (f.regionLo >= 0) t.region[i] = regions.id(`${f.regionLo}-${f.regionHi}`, [f.regionLo, f.regionHi])
    t.zone[i] = f.zone === undefined ? UNKNOWN_ID : f.zone === null ? NO_ZONE_ID : zones.id(f.zone, f.zone)
    t.quals[i] = Math.max(f.quals, 0)
    t.gradeBit[i] = f.gradeBit
    t.exporter[i] = f.exporter === 1 ? 1 : 0
    t.violationDay[i] = f.violationDay
  }
  return t
}
