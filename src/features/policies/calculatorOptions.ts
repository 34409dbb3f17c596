import type { PolicyView } from '../../contract/policies/schemas'
import { leavesOf } from '../../domain/policies/conditions'
import { industryName, normalizeIndustryCode } from '../../domain/policies/industryCodes'

export interface IndustryOption {
  code: string
  name: string
}

const SECTION_LETTERS = 'ABCDEFGHIJKLMNOPQRST'

/** Every GB/T 4754-2017 门类 and 大类, for a searchable picker ('C' 制造业, 'C14' 食品制造业…). */
export const INDUSTRY_OPTIONS: readonly IndustryOption[] = [...SECTION_LETTERS].flatMap((letter) => [
  { code: letter, name: industryName(letter) },
  ...Array.from({ length: 97 }, (_, i) => normalizeIndustryCode(`${letter}${String(i + 1).padStart(2, '0')}`))
    .filter((code): code is string => code !== null)
    .map((code) => ({ code, name: industryName(code) })),
])

/** Options whose name or code contains the text; a typed code is matched as a prefix. */
export function searchIndustries(text: string, limit = 8): IndustryOption[] {
  const q = text.trim().toUpperCase()
  if (!q) return []
  return INDUSTRY_OPTIONS.filter((o) => o.name.includes(text.trim()) || o.code.startsWith(q)).slice(0, limit)
}

/** Development zones the published policies name: the places worth offering as answers. */
export function zonesInCatalogue(catalogue: readonly PolicyView[]): string[] {
  const zones = new Set<string>()
  for (const { policy } of catalogue) {
    for (const leaf of leavesOf(policy.eligibility))
      if (leaf.kind === 'region') leaf.zones?.forEach((z) => zones.add(z))
  }
  return [...zones].sort()
}
