/**
 * One prepared condition over a block of profiles, as a bitset: bit j of word w is 1 when profile
 * start + 32w + j does NOT meet it (不满足 or 待补充 — the verdict counts both as one to fix).
 *
 * A handful of top-level functions take the condition's numbers as arguments: V8 optimises per
 * closure, so a closure per condition would leave thousands of them running cold. The loops are
 * branch-free (`+(a >= b)`), since random profile data makes branches mispredict about half the
 * time; NaN (unknown) fails every comparison and so counts as unmet, as in leafState.
 */
import { MET, UNMET, encodeFacts, leafState, reachable, type EncodedFacts, type PreparedLeaf } from './prepare'
import type { ProfileTable } from './profileTable'

function outsideRange(
  column: Float64Array,
  min: number,
  max: number,
  s: number,
  n: number,
  out: Int32Array,
  o: number,
) {
  for (let w = 0, i = 0; i < n; w++) {
    let bits = 0
    for (let j = 0, end = Math.min(32, n - i); j < end; j++, i++) {
      const value = column[s + i]
      bits |= (1 - (+(value >= min) & +(value <= max))) << j
    }
    out[o + w] = bits
  }
}

/** Unmet unless the column holds all of `bits` (all) or any of them. */
function lacking(column: Uint8Array, bits: number, all: boolean, s: number, n: number, out: Int32Array, o: number) {
  for (let w = 0, i = 0; i < n; w++) {
    let word = 0
    for (let j = 0, end = Math.min(32, n - i); j < end; j++, i++) {
      const held = column[s + i] & bits
      word |= (all ? +(held !== bits) : +(held === 0)) << j
    }
    out[o + w] = word
  }
}

/** Unmet when the mask has any bit outside `allowed` (a size class the policy does not take). */
function outsideMask(column: Uint8Array, allowed: number, s: number, n: number, out: Int32Array, o: number) {
  const outside = ~allowed & 0xff
  for (let w = 0, i = 0; i < n; w++) {
    let bits = 0
    for (let j = 0, end = Math.min(32, n - i); j < end; j++, i++) bits |= +((column[s + i] & outside) !== 0) << j
    out[o + w] = bits
  }
}

/** Set where no class still possible is allowed (a known size class the policy does not take). */
function disjointMask(column: Uint8Array, allowed: number, s: number, n: number, out: Int32Array, o: number) {
  const outside = ~allowed & 0xff
  for (let w = 0, i = 0; i < n; w++) {
    let bits = 0
    for (let j = 0, end = Math.min(32, n - i); j < end; j++, i++) {
      const mask = column[s + i]
      bits |= (+((mask & allowed) === 0) & +((mask & outside) !== 0)) << j
    }
    out[o + w] = bits
  }
}

/** Known (not NaN) and outside [min, max]: a founding age that is 不满足, not 待补充. */
function knownOutsideRange(
  column: Float64Array,
  min: number,
  max: number,
  s: number,
  n: number,
  out: Int32Array,
  o: number,
) {
  for (let w = 0, i = 0; i < n; w++) {
    let bits = 0
    for (let j = 0, end = Math.min(32, n - i); j < end; j++, i++) {
      const value = column[s + i]
      bits |= (+(value === value) & (1 - (+(value >= min) & +(value <= max)))) << j
    }
    out[o + w] = bits
  }
}

/** Set where flags[id] is 1 (the distinct value is 不满足). */
function flagged(ids: Int32Array, flags: Uint8Array, s: number, n: number, out: Int32Array, o: number) {
  for (let w = 0, i = 0; i < n; w++) {
    let bits = 0
    for (let j = 0, end = Math.min(32, n - i); j < end; j++, i++) bits |= flags[ids[s + i]] << j
    out[o + w] = bits
  }
}

/** Unmet unless flags[id] is 1: conditions decided per distinct industry, region or zone. */
function notFlagged(ids: Int32Array, flags: Uint8Array, s: number, n: number, out: Int32Array, o: number) {
  for (let w = 0, i = 0; i < n; w++) {
    let bits = 0
    for (let j = 0, end = Math.min(32, n - i); j < end; j++, i++) bits |= (1 - flags[ids[s + i]]) << j
    out[o + w] = bits
  }
}

/** Set where both flags are 1: a region condition 不满足 (the area is outside, the zone too). */
function bothFlagged(
  t: ProfileTable,
  regionFlags: Uint8Array,
  zoneFlags: Uint8Array,
  s: number,
  n: number,
  out: Int32Array,
  o: number,
) {
  for (let w = 0, i = 0; i < n; w++) {
    let bits = 0
    for (let j = 0, end = Math.min(32, n - i); j < end; j++, i++)
      bits |= (regionFlags[t.region[s + i]] & zoneFlags[t.zone[s + i]]) << j
    out[o + w] = bits
  }
}

/** Unmet unless either flag is 1 (a region condition: listed area or listed zone). */
function neitherFlagged(
  t: ProfileTable,
  regionFlags: Uint8Array,
  zoneFlags: Uint8Array,
  s: number,
  n: number,
  out: Int32Array,
  o: number,
) {
  for (let w = 0, i = 0; i < n; w++) {
    let bits = 0
    for (let j = 0, end = Math.min(32, n - i); j < end; j++, i++)
      bits |= (1 - (regionFlags[t.region[s + i]] | zoneFlags[t.zone[s + i]])) << j
    out[o + w] = bits
  }
}

/**
 * Per-table lookups of an industry or region condition: 1 where the distinct value meets it; the
 * *Unmet ones 1 where it is 不满足 (for the blocked bits of these unfixable conditions).
 */
export interface Lookups {
  industry: Uint8Array
  region: Uint8Array
  zone: Uint8Array
  industryUnmet: Uint8Array
  regionUnmet: Uint8Array
  zoneUnmet: Uint8Array
}

const NONE = new Uint8Array(0)
const BLANK = encodeFacts({})
/** A region code past every real one (codes are 6 digits): outside any listed area. */
const OUTSIDE = 10_000_000

/**
 * Decides an industry or region condition once per distinct value of the table, with leafState
 * itself — the explaining matcher's rule, so the two cannot drift apart. Index 0 (unknown) and
 * zone 1 (no zone) get the verdict of an unknown or absent fact.
 */
export function lookupsFor(leaf: PreparedLeaf, t: ProfileTable): Lookups {
  const stateOf = (facts: Partial<EncodedFacts>) => leafState(leaf, { ...BLANK, ...facts })
  const met = (facts: Partial<EncodedFacts>) => (stateOf(facts) === MET ? 1 : 0)
  const unmet = (facts: Partial<EncodedFacts>) => (stateOf(facts) === UNMET ? 1 : 0)
  const none = { industry: NONE, region: NONE, zone: NONE, industryUnmet: NONE, regionUnmet: NONE, zoneUnmet: NONE }
  if (leaf.kind === 'industry') {
    const industries = [BLANK, ...t.industryRanges.map(([lo, hi]) => ({ industryLo: lo, industryHi: hi }))]
    return { ...none, industry: Uint8Array.from(industries, met), industryUnmet: Uint8Array.from(industries, unmet) }
  }
  if (leaf.kind !== 'region') return none
  // Each part alone: the area with the zone known to be none, the zone with the area unknown (for
  // met) or known to be outside every listed area (for 不满足: both parts must fail).
  const regions = [{ zone: null }, ...t.regionRanges.map(([lo, hi]) => ({ regionLo: lo, regionHi: hi, zone: null }))]
  const zones = [undefined, null, ...t.zoneNames]
  return {
    ...none,
    region: Uint8Array.from(regions, met),
    zone: Uint8Array.from(zones, (zone) => met({ zone })),
    regionUnmet: Uint8Array.from(regions, unmet),
    zoneUnmet: Uint8Array.from(zones, (zone) => unmet({ zone, regionLo: OUTSIDE, regionHi: OUTSIDE })),
  }
}

/**
 * For a condition whose 不满足 can be final (isUnfixable), writes the final-miss bits (isFinalMiss) of profiles s…s+n−1 to out[o…]
 * (a subset of its unmet bits: 待补充 is left out). Other conditions never block.
 */
export function blockedBits(
  leaf: PreparedLeaf,
  lookups: Lookups,
  t: ProfileTable,
  s: number,
  n: number,
  out: Int32Array,
  o: number,
): void {
  switch (leaf.kind) {
    case 'industry':
      return flagged(t.industry, lookups.industryUnmet, s, n, out, o)
    case 'region':
      return bothFlagged(t, lookups.regionUnmet, lookups.zoneUnmet, s, n, out, o)
    case 'founded':
      return knownOutsideRange(t.foundedDay, leaf.maxCutoff + 1, leaf.minCutoff, s, n, out, o)
    case 'sizeClass':
      return disjointMask(t.sizeMask, leaf.allowedMask, s, n, out, o)
    case 'number': {
      const { min, max } = reachable(leaf)
      return knownOutsideRange(t[leaf.fact], min, max, s, n, out, o)
    }
    case 'noViolation':
      return knownOutsideRange(t.violationDay, -Infinity, leaf.cutoff - 1, s, n, out, o)
    default:
      out.fill(0, o, o + Math.ceil(n / 32))
  }
}

/**
 * Writes the unmet bits of profiles s…s+n−1 to out[o…]; `lookups` from lookupsFor on this table.
 */
export function unmetBits(
  leaf: PreparedLeaf,
  lookups: Lookups,
  t: ProfileTable,
  s: number,
  n: number,
  out: Int32Array,
  o: number,
): void {
  switch (leaf.kind) {
    case 'industry':
      return notFlagged(t.industry, lookups.industry, s, n, out, o)
    case 'sizeClass':
      return outsideMask(t.sizeMask, leaf.allowedMask, s, n, out, o)
    case 'founded':
      // Day numbers are integers: "founded after maxCutoff" is "from maxCutoff + 1".
      return outsideRange(t.foundedDay, leaf.maxCutoff + 1, leaf.minCutoff, s, n, out, o)
    case 'number':
      return outsideRange(t[leaf.fact], leaf.min, leaf.max, s, n, out, o)
    case 'region':
      return neitherFlagged(t, lookups.region, lookups.zone, s, n, out, o)
    case 'qualification':
      return lacking(t.quals, leaf.bits, leaf.all, s, n, out, o)
    case 'taxCreditGrade':
      return lacking(t.gradeBit, leaf.bits, false, s, n, out, o)
    case 'exporter':
      return lacking(t.exporter, 1, true, s, n, out, o)
    case 'noViolation':
      // No record is −Infinity, always before the cut-off; "before cutoff" is "up to cutoff − 1".
      return outsideRange(t.violationDay, -Infinity, leaf.cutoff - 1, s, n, out, o)
  }
}
