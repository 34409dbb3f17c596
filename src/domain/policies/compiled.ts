/**
 * Bulk matching: every policy against every enterprise (the nightly 精准推送 run, 10^8 pairs for a
 * city's 100,000 enterprises and 1,000 policies). Same verdict as match.ts, without explanations.
 *
 * Why it is fast: conditions are prepared once for the date and shared — a catalogue repeats
 * 「注册地：衢州市」 or 「近 3 年无严重违法失信记录」 across hundreds of policies, and each distinct
 * condition is evaluated once per profile, into a bitset (unmetBits.ts). A policy is then a few
 * word operations per 32 profiles (costProgram.ts). A condition on what an enterprise cannot change
 * (region, industry, founding age) also writes the bits of profiles it blocks (不满足, never 差一点);
 * one it does not know the fact for may still be near, so no condition lets a policy be skipped.
 */
import type { IsoDate } from '../calendar/dates'
import { BLOCK, WORDS, addNode, compileNode, type DistinctLeaves, type LeafBits } from './costProgram'
import { NEAR_MAX_FIXES } from './match'
import type { Policy } from './policy'
import { isUnfixable } from './prepare'
import type { EnterpriseProfile } from './profile'
import { encodeProfiles, type ProfileTable } from './profileTable'
import { blockedBits, lookupsFor, unmetBits } from './unmetBits'

type PolicyIndices = Uint16Array | Uint32Array

/** Per profile, the indices (into the compiled policy list) of its 可申报 and 差一点 policies. */
export interface TableMatches {
  /** Profile i's 可申报 policies are eligible[eligibleStart[i] … eligibleStart[i + 1]), ascending. */
  eligibleStart: Uint32Array
  eligible: PolicyIndices
  nearStart: Uint32Array
  near: PolicyIndices
}

export interface PolicyMatcher {
  readonly policyCount: number
  /** Distinct conditions after sharing identical ones across policies. */
  readonly distinctConditions: number
  matchTable(table: ProfileTable): TableMatches
  matchProfile(profile: EnterpriseProfile): { eligible: number[]; near: number[] }
}

/** Per-profile runs of policy indices, appended profile by profile. */
class Runs {
  readonly start: Uint32Array
  out: PolicyIndices
  total = 0
  /** This word's 32 profiles: profile j's policies at pending[j × P …], counted in pendingCount. */
  readonly pending: PolicyIndices
  readonly pendingCount = new Uint32Array(32)

  constructor(
    profiles: number,
    private readonly policies: number,
  ) {
    this.start = new Uint32Array(profiles + 1)
    this.out = this.array(Math.max(1024, profiles * 4))
    this.pending = this.array(32 * policies)
  }

  private array(length: number): PolicyIndices {
    return this.policies > 0xffff ? new Uint32Array(length) : new Uint16Array(length)
  }

  /** Sends bits of `word` to the 32 profiles' pending lists as policy p. */
  take(word: number, p: number): void {
    const { pending, pendingCount, policies } = this
    while (word !== 0) {
      const low = word & -word
      const j = 31 - Math.clz32(low)
      pending[j * policies + pendingCount[j]++] = p
      word ^= low
    }
  }

  /** Appends the pending lists of profiles first … first + count − 1 to the output. */
  flush(first: number, count: number): void {
    const { pending, pendingCount, policies } = this
    let needed = this.total
    for (let j = 0; j < count; j++) needed += pendingCount[j]
    if (needed > this.out.length) {
      // Grow to what the rate so far projects for the whole table, so it is copied about once.
      const projected = Math.ceil((needed / (first + count)) * (this.start.length - 1) * 1.1)
      const grown = this.array(Math.max(needed, projected, this.out.length * 2))
      grown.set(this.out.subarray(0, this.total))
      this.out = grown
    }
    const out = this.out
    let total = this.total
    for (let j = 0; j < count; j++) {
      this.start[first + j] = total
      for (let k = j * policies, end = k + pendingCount[j]; k < end; k++) out[total++] = pending[k]
    }
    this.total = total
    this.start[first + count] = total
    pendingCount.fill(0)
  }

  result(): PolicyIndices {
    return this.out.subarray(0, this.total)
  }
}

/** Prepares `policies` for matching on `today`; indices in the results are into `policies`. */
export function compilePolicies(policies: readonly Policy[], today: IsoDate): PolicyMatcher {
  if (NEAR_MAX_FIXES !== 2) throw new Error('The 2-bit cost counters tell 0, 1, 2 and 3+ apart only.')
  const distinct: DistinctLeaves = new Map()
  const roots = policies.map((policy) => compileNode(policy.eligibility, today, distinct))
  const leaves = [...distinct.values()].map((entry) => entry.leaf)
  const P = policies.length
  const blocking = leaves.map(isUnfixable)
  const bits: LeafBits = {
    unmet: new Int32Array(leaves.length * WORDS),
    blocked: new Int32Array(leaves.length * WORDS),
  }
  const [c0, c1] = [new Int32Array(WORDS), new Int32Array(WORDS)]
  // Verdict bits of the block, word-major ([w × P + p]) so one word's 32 profiles read together.
  const [zeroBits, nearBits] = [new Int32Array(WORDS * P), new Int32Array(WORDS * P)]

  function matchTable(table: ProfileTable): TableMatches {
    const lookups = leaves.map((leaf) => lookupsFor(leaf, table))
    const eligible = new Runs(table.count, P)
    const near = new Runs(table.count, P)
    for (let start = 0; start < table.count; start += BLOCK) {
      const n = Math.min(BLOCK, table.count - start)
      const words = Math.ceil(n / 32)
      for (let d = 0; d < leaves.length; d++) {
        unmetBits(leaves[d], lookups[d], table, start, n, bits.unmet, d * WORDS)
        if (blocking[d]) blockedBits(leaves[d], lookups[d], table, start, n, bits.blocked, d * WORDS)
      }
      for (let p = 0; p < P; p++) {
        c0.fill(0, 0, words)
        c1.fill(0, 0, words)
        addNode(roots[p], bits, c0, c1, words)
        for (let w = 0; w < words; w++) {
          const a = c0[w]
          const b = c1[w]
          zeroBits[w * P + p] = ~(a | b)
          nearBits[w * P + p] = (a | b) & ~(a & b)
        }
      }
      for (let w = 0; w < words; w++) {
        const count = Math.min(32, n - w * 32)
        const valid = count === 32 ? -1 : (1 << count) - 1
        for (let p = 0; p < P; p++) {
          eligible.take(zeroBits[w * P + p] & valid, p)
          near.take(nearBits[w * P + p] & valid, p)
        }
        eligible.flush(start + w * 32, count)
        near.flush(start + w * 32, count)
      }
    }
    return { eligibleStart: eligible.start, eligible: eligible.result(), nearStart: near.start, near: near.result() }
  }

  return {
    policyCount: P,
    distinctConditions: leaves.length,
    matchTable,
    matchProfile(profile) {
      const found = matchTable(encodeProfiles([profile]))
      return { eligible: [...found.eligible], near: [...found.near] }
    },
  }
}
