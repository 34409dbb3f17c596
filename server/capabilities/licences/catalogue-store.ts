import type { LicenceTypeView } from '../../../src/contract/licences/schemas'
import type { Queryable } from '../../kernel/db/db'
import { LICENCE_CATALOGUE, mergeCatalogue, type CatalogueError } from '../../../src/domain/licences/catalogue'
import { buildCatalogue, type CityCatalogue } from '../../../src/domain/licences/cityCatalogue'
import { describeLeadRule } from '../../../src/domain/licences/leadRules'
import {
  AUTHORITY_KIND_LABELS,
  RENEWAL_PROCEDURE_LABELS,
  type LicenceType,
} from '../../../src/domain/licences/licenceType'

// The pure half (the merge, a record's type) is the domain's: the compliance calendar's read model
// uses it too (server/capabilities/compliance/read-model/licences.ts).
export { activeType, buildCatalogue, recordType, type CityCatalogue } from '../../../src/domain/licences/cityCatalogue'

export async function loadOverrides(db: Queryable): Promise<unknown[]> {
  const { rows } = await db.query<{ entry: unknown }>('select entry from licence_type_overrides order by position')
  return rows.map((row) => row.entry)
}

export async function loadCatalogue(db: Queryable): Promise<CityCatalogue> {
  return buildCatalogue(await loadOverrides(db))
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
