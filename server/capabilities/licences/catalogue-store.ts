import type { LicenceTypeView } from '../../../src/contract/licences/schemas'
import type { Queryable } from '../../kernel/db/db'
import { LICENCE_CATALOGUE, mergeCatalogue, type CatalogueError } from '../../../src/domain/licences/catalogue'
import { DEFAULT_LEAD_RULE, DEFAULT_LEAD_RULE_NOTE, describeLeadRule } from '../../../src/domain/licences/leadRules'
import {
  AUTHORITY_KIND_LABELS,
  RENEWAL_PROCEDURE_LABELS,
  type LicenceType,
} from '../../../src/domain/licences/licenceType'

/**
 * The city's catalogue: the built-in one with the city's overrides (stored as data) merged in by
 * the domain's mergeCatalogue. Read per request — one small table — so every server instance
 * sees a change at once.
 */
export interface CityCatalogue {
  /** What a user may pick for a new licence (disabled types left out). */
  active: LicenceType[]
  /** Every type an existing record may carry, disabled ones included. */
  byCode: Map<string, LicenceType>
}

export async function loadOverrides(db: Queryable): Promise<unknown[]> {
  const { rows } = await db.query<{ entry: unknown }>('select entry from licence_type_overrides order by position')
  return rows.map((row) => row.entry)
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

export async function loadCatalogue(db: Queryable): Promise<CityCatalogue> {
  return buildCatalogue(await loadOverrides(db))
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

export function toLicenceTypeView(type: LicenceType): LicenceTypeView {
  return {
    code: type.code,
    name: type.name,
    authorityLabel: AUTHORITY_KIND_LABELS[type.authorityKind],
    validityYears: type.validityYears,
    leadRuleText: describeLeadRule(type.leadRule),
    procedureLabel: RENEWAL_PROCEDURE_LABELS[type.procedure],
    materials: [...type.materials],
    applyAt: type.applyAt,
    source: type.source,
  }
}

/** Validates a complete list of overrides; problems per entry, [] when every entry is usable. */
export function overrideErrors(overrides: readonly unknown[]): CatalogueError[] {
  return mergeCatalogue(LICENCE_CATALOGUE, overrides).errors
}

/** Replaces the city's overrides with `overrides` (already validated). */
export async function replaceOverrides(tx: Queryable, overrides: readonly unknown[]): Promise<void> {
  await tx.query('delete from licence_type_overrides')
  if (overrides.length === 0) return
  const codes = overrides.map((entry) => String((entry as { code: string }).code))
  await tx.query(
    `insert into licence_type_overrides (code, position, entry)
     select code, position, entry from unnest($1::text[], $2::int[], $3::jsonb[]) as t(code, position, entry)`,
    [codes, codes.map((_code, index) => index), overrides.map((entry) => JSON.stringify(entry))],
  )
}
