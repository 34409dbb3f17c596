/**
 * 行政区划代码 (GB/T 2260) arithmetic, without the name table (regionNames.ts holds that, so code
 * shipped to the phone can reason about codes without carrying 3,000 names): a province is 'PP0000',
 * a city 'PPCC00', a district or county 'PPCCDD'. A trailing '00' pair widens a code to the whole
 * city or province, so a code is a range of district codes and "R contains E" is two comparisons.
 */

/** The code a national policy applies to: the whole country. */
export const NATIONAL = '000000'

export type RegionLevel = 'national' | 'province' | 'city' | 'district'

const SIX_DIGITS = /^\d{6}$/

export function isRegionCode(code: unknown): code is string {
  return typeof code === 'string' && SIX_DIGITS.test(code)
}

export function regionLevel(code: string): RegionLevel {
  if (code === NATIONAL) return 'national'
  if (code.endsWith('0000')) return 'province'
  return code.endsWith('00') ? 'city' : 'district'
}

/** '411000' → [411000, 411099]; the country is every code; null for anything but six digits. */
export function regionRange(code: string): [number, number] | null {
  if (!isRegionCode(code)) return null
  if (code === NATIONAL) return [0, 999_999]
  const width = code.endsWith('0000') ? 10_000 : code.endsWith('00') ? 100 : 1
  const lo = Number(code)
  return [lo, lo + width - 1]
}

/** The province and city codes above a code, widest first, then the code itself: 411002 → 410000, 411000, 411002. */
export function regionLineage(code: string): string[] {
  if (!isRegionCode(code) || code === NATIONAL) return []
  const province = `${code.slice(0, 2)}0000`
  const city = `${code.slice(0, 4)}00`
  return [...new Set([province, city, code])]
}

/**
 * Whether a policy for region `policyRegion` applies to an enterprise registered in
 * `enterpriseRegion`: 'yes' when the policy's area contains the enterprise's (national, its
 * province, its city, its district); 'maybe' when the enterprise's code is coarser and overlaps it
 * (a 魏都区 policy for a firm known only as 许昌市); 'no' otherwise. Unknown codes are 'maybe':
 * nothing is ruled out on a fact we do not have.
 */
export function regionApplies(policyRegion: string, enterpriseRegion: string | undefined): 'yes' | 'maybe' | 'no' {
  const policy = regionRange(policyRegion)
  const enterprise = enterpriseRegion === undefined ? null : regionRange(enterpriseRegion)
  if (policy === null || enterprise === null) return 'maybe'
  if (policy[0] <= enterprise[0] && enterprise[1] <= policy[1]) return 'yes'
  return policy[0] <= enterprise[1] && enterprise[0] <= policy[1] ? 'maybe' : 'no'
}
