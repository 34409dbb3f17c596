/**
 * A policy's eligibility compiled to word operations over bitsets: the verdict rule of match.ts
 * (a leaf to fix costs 1, an unfixable one unmet costs "never", all-of sums, any-of takes its
 * cheapest member) for 32 profiles at a time.
 *
 * Per profile, the cost is a 2-bit counter that sticks at 3 ("3 or more"), which is all the verdict
 * needs while NEAR_MAX_FIXES is 2. The counters of 32 profiles live in two words, one per bit, so
 * a condition is added to 32 profiles with six word operations.
 */
import type { IsoDate } from '../calendar/dates'
import { groupParts, type Condition, type ConditionGroup } from './conditions'
import { isUnfixable, prepareLeaf, type PreparedLeaf } from './prepare'

/** Profiles per block (a multiple of 32): a block's bitsets stay in the CPU cache across policies. */
export const BLOCK = 2048
/** Words of a block's bitset; leaf d's unmet bits are at unmet[d × WORDS …]. */
export const WORDS = BLOCK / 32

/** c += u (u a 0/1 bitset), sticking at 3. */
function addBits(c0: Int32Array, c1: Int32Array, u: Int32Array, o: number, words: number): void {
  for (let w = 0; w < words; w++) {
    const a = c0[w]
    const b = c1[w]
    const x = u[o + w]
    const stuck = a & b
    c0[w] = (a ^ x) | stuck
    c1[w] = (b ^ (a & x)) | stuck
  }
}

/** c = 3 ("never") where b is set: an unfixable condition unmet. */
function blockBits(c0: Int32Array, c1: Int32Array, b: Int32Array, o: number, words: number): void {
  for (let w = 0; w < words; w++) {
    const x = b[o + w]
    c0[w] |= x
    c1[w] |= x
  }
}

/** l = min(l, m) for 2-bit counters. */
function minInto(l0: Int32Array, l1: Int32Array, m0: Int32Array, m1: Int32Array, words: number): void {
  for (let w = 0; w < words; w++) {
    const a0 = m0[w]
    const a1 = m1[w]
    const b0 = l0[w]
    const b1 = l1[w]
    const less = (~a1 & b1) | (~(a1 ^ b1) & ~a0 & b0)
    l0[w] = (a0 & less) | (b0 & ~less)
    l1[w] = (a1 & less) | (b1 & ~less)
  }
}

/**
 * Per block, leaf d's bitsets: `unmet` at [d × WORDS …] (not met: 不满足 or 待补充, costs 1) and,
 * for an unfixable leaf (isUnfixable), `blocked` at the same place (不满足: never fixable).
 */
export interface LeafBits {
  unmet: Int32Array
  blocked: Int32Array
}

export type CostNode =
  /** `blocks`: an unfixable condition, whose blocked bits count. */
  | { leaf: number; blocks: boolean }
  | { all: CostNode[] }
  /**
   * any-of leaves: unmet only when every member is, so the AND of their bitsets is one condition;
   * never fixable only when every member is blocked (`blockAnd` null when some member cannot be).
   */
  | { anyLeaves: number[]; and: Int32Array; blockAnd: Int32Array | null }
  | { any: CostNode[]; m0: Int32Array; m1: Int32Array; l0: Int32Array; l1: Int32Array }

/** Adds a node's cost (see match.ts: all-of = sum, any-of = least) into the counters c0/c1. */
export function addNode(node: CostNode, bits: LeafBits, c0: Int32Array, c1: Int32Array, words: number): void {
  const { unmet, blocked } = bits
  if ('leaf' in node) {
    addBits(c0, c1, unmet, node.leaf * WORDS, words)
    if (node.blocks) blockBits(c0, c1, blocked, node.leaf * WORDS, words)
    return
  }
  if ('all' in node) {
    for (const member of node.all) addNode(member, bits, c0, c1, words)
    return
  }
  if ('anyLeaves' in node) {
    const { anyLeaves, and, blockAnd } = node
    andOf(unmet, anyLeaves, and, words)
    addBits(c0, c1, and, 0, words)
    if (blockAnd) {
      andOf(blocked, anyLeaves, blockAnd, words)
      blockBits(c0, c1, blockAnd, 0, words)
    }
    return
  }
  const { m0, m1, l0, l1 } = node
  // An empty any-of group stays at 3: never fixable.
  l0.fill(-1, 0, words)
  l1.fill(-1, 0, words)
  for (const member of node.any) {
    m0.fill(0, 0, words)
    m1.fill(0, 0, words)
    addNode(member, bits, m0, m1, words)
    minInto(l0, l1, m0, m1, words)
  }
  addBits(c0, c1, l0, 0, words)
  addBits(c0, c1, l1, 0, words) // the 2s bit counts twice
  addBits(c0, c1, l1, 0, words)
}

/** out = AND of the leaves' bitsets in `from`. */
function andOf(from: Int32Array, leaves: number[], out: Int32Array, words: number): void {
  out.set(from.subarray(leaves[0] * WORDS, leaves[0] * WORDS + words))
  for (let k = 1; k < leaves.length; k++) {
    const o = leaves[k] * WORDS
    for (let w = 0; w < words; w++) out[w] &= from[o + w]
  }
}

/** Prepared leaves by key, each with its index into the unmet bitsets. */
export type DistinctLeaves = Map<string, { index: number; leaf: PreparedLeaf }>

/** Same numbers, same condition: evaluated once per block however many policies share it. */
function leafKey(leaf: PreparedLeaf): string {
  return JSON.stringify(leaf, (_, value) =>
    typeof value === 'number' && !Number.isFinite(value) ? String(value) : value,
  )
}

export function compileNode(condition: Condition | ConditionGroup, today: IsoDate, distinct: DistinctLeaves): CostNode {
  if ('kind' in condition) {
    const leaf = prepareLeaf(condition, today)
    const key = leafKey(leaf)
    let entry = distinct.get(key)
    if (!entry) distinct.set(key, (entry = { index: distinct.size, leaf }))
    return { leaf: entry.index, blocks: isUnfixable(leaf) }
  }
  const { mode, members } = groupParts(condition)
  const nodes = members.map((member) => compileNode(member, today, distinct))
  if (mode === 'all') return { all: nodes }
  if (nodes.length > 0 && nodes.every((node) => 'leaf' in node)) {
    const leaves = nodes as { leaf: number; blocks: boolean }[]
    return {
      anyLeaves: leaves.map((node) => node.leaf),
      and: new Int32Array(WORDS),
      blockAnd: leaves.every((node) => node.blocks) ? new Int32Array(WORDS) : null,
    }
  }
  const buffer = () => new Int32Array(WORDS)
  return { any: nodes, m0: buffer(), m1: buffer(), l0: buffer(), l1: buffer() }
}
