/**
 * One prepared condition over a block of profiles, as a bitset: bit j of word w is 1 when profile
 * start + 32w + j does NOT meet it (不满足 or 待补充 — the verdict counts both as one to fix).
 *
 * A handful of top-level functions take the condition's numbers as arguments: V8 optimises per
 * closure, so a closure per condition would leave thousands of them running cold. The loops are
 * branch-free (`+(a >= b)`), since random profile data makes branches mispredict about half the
 * time; NaN (unknown) fails every comparison and so counts as unmet, as in leafState.
 */
import { MET, encodeFacts, leafState, type EncodedFacts, type PreparedLeaf } from './prepare'
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

/** Unmet unless flags[id] is 1: conditions decided per distinct industry, region or zone. */
function notFlagged(ids: Int32Array, flags: Uint8Array, s: number, n: number, out: Int32Array, o: number) {
  for (let w = 0, i = 0; i < n; w++) {
    let bits = 0
    for (let j = 0, end = Math.min(32, n - i); j < end; j++, i++) bits |= (1 - flags[ids[s + i]]) << j
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

/** Per-table lookups of an industry or region condition: 1 where the distinct value meets it. */
export interface Lookups {
  industry: Uint8Array
  region: Uint8Array
  zone: Uint8Array
}

const NONE = new Uint8Array(0)
const BLANK = encodeFacts({})

/**
 * Decides an industry or region condition once per distinct value of the table, with leafState
 * itself — the explaining matcher's rule, so the two cannot drift apart. Index 0 (unknown) and
 * zone 1 (no zone) get the verdict of an unknown or absent fact.
 */
export function lookupsFor(leaf: PreparedLeaf, t: ProfileTable): Lookups {
  const met = (facts: Partial<EncodedFacts>) => (leafState(leaf, { ...BLANK, ...facts }) === MET ? 1 : 0)
  const byRange = (ranges: readonly (readonly [number, number])[], fact: 'industry' | 'region') =>
    Uint8Array.from([BLANK, ...ranges.map(([lo, hi]) => ({ [`${fact}Lo`]: lo, [`${fact}Hi`]: hi }))], met)
  if (leaf.kind === 'industry') return { industry: byRange(t.industryRanges, 'industry'), region: NONE, zone: NONE }
  if (leaf.kind !== 'region') return { industry: NONE, region: NONE, zone: NONE }
  // Each part alone: the area with the zone known to be none, the zone with the area unknown.
  return {
    industry: NONE,
    region: Uint8Array.from(
      [BLANK, ...t.regionRanges.map(([lo, hi]) => ({ regionLo: lo, regionHi: hi, zone: null }))],
      met,
    ),
    zone: Uint8Array.from([undefined, null, ...t.zoneNames], (zone) => met({ zone })),
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
