import { LICENCE_CATALOGUE, mergeCatalogue } from './catalogue'
import { DEFAULT_LEAD_RULE, DEFAULT_LEAD_RULE_NOTE } from './leadRules'
import type { LicenceType } from './licenceType'

/**
 * The city's catalogue: the built-in one with the city's overrides (stored as data) merged in by
 * the domain's mergeCatalogue. The server reads the overrides per request — one small table — so
 * every server instance sees a change at once.
 */
export interface CityCatalogue {
  /** What a user may pick for a new licence (disabled types left out). */
  active: LicenceType[]
  /** Every type an existing record may carry, disabled ones included. */
  byCode: Map<string, LicenceType>
}

export function buildCatalogue(overrides: readonly unknown[]): CityCatalogue {
  const { catalogue: active } = mergeCatalogue(LICENCE_CATALOGUE, overrides)
  // A type the city stopped issuing still describes the licences already recorded under it.
  const withoutDisabling = overrides.filter(
    (entry) => !(entry && typeof entry === 'object' && (entry as { disabled?: unknown }).disabled === true),
  )
  const { catalogue: all } = mergeCatalogue(LICENCE_CATALOGUE, withoutDisabling)
  return { active, byCode: new Map(all.map((type) => [type.code, type])) }
}

/** A type a user may choose now, or undefined. */
export function activeType(catalogue: CityCatalogue, code: string): LicenceType | undefined {
  return catalogue.active.find((type) => type.code === code)
}

/**
 * The type of an existing record. A city may delete its own type while licences still carry it;
 * those fall back to the statutory default rule (行政许可法 第五十条) rather than vanish.
 */
export function recordType(catalogue: CityCatalogue, code: string): LicenceType {
  return (
    catalogue.byCode.get(code) ?? {
      code,
      name: code,
      authorityKind: 'administrative-approval',
      validityYears: null,
      leadRule: DEFAULT_LEAD_RULE,
      procedure: 'renewal',
      materials: [],
      applyAt: '发证机关',
      source: DEFAULT_LEAD_RULE_NOTE,
    }
  )
}
