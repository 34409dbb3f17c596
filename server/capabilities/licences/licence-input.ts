import type { ApiErrorBody } from '../../../src/contract/errors'
import type { LicenceInput, RenewedLicenceInput } from '../../../src/contract/licences/schemas'
import { ApiError } from '../../kernel/http/api-error'
import { validationError } from '../../kernel/http/input-errors'
import type { IsoDate } from '../../../src/domain/calendar/dates'
import type { LicenceType } from '../../../src/domain/licences/licenceType'
import { licenceFactProblems, type LicenceFacts } from '../../../src/domain/licences/validation'
import { activeType, recordType, type CityCatalogue } from './catalogue-store'
import type { LicenceRow } from './licence-repo'

/**
 * The server side of the form's checks: the same licenceFactProblems the form runs, so a user
 * never sees the server reject what the form accepted (or the reverse).
 */

type Details = NonNullable<ApiErrorBody['details']>

/**
 * Older than any licence in force, and it keeps date arithmetic inside what PostgreSQL stores
 * (its calendar has no year 0): a server-side floor on top of the shared rules.
 */
const EARLIEST_ISSUE_DATE = '1950-01-01'

/** Field problems as the error details, in a stable field order. */
export function factDetails(facts: LicenceFacts, today: IsoDate, validityYears: number | null): Details {
  const problems = licenceFactProblems(facts, today, validityYears)
  if (!problems.issuedOn && facts.issuedOn < EARLIEST_ISSUE_DATE) problems.issuedOn = '发证日期不应早于 1950 年，请核对'
  return Object.entries(problems).map(([field, message]) => ({ field, message: message as string }))
}

/**
 * The licence type of a new or edited licence, after every check; throws the 400 to answer.
 * An existing licence may keep a type the city has since disabled.
 */
export function checkLicenceInput(
  input: LicenceInput,
  catalogue: CityCatalogue,
  today: IsoDate,
  currentTypeCode?: string,
): LicenceType {
  const type =
    input.typeCode === currentTypeCode ? recordType(catalogue, input.typeCode) : activeType(catalogue, input.typeCode)
  if (input.typeCode !== '' && !type) {
    throw new ApiError('LICENCE_TYPE_UNKNOWN', { details: [{ field: 'typeCode', message: '未知的证照类型' }] })
  }
  const details = factDetails(input, today, type?.validityYears ?? null)
  if (details.length > 0) throw validationError(details)
  return type as LicenceType
}

/** Checks of a renewal: a valid new certificate that runs past the one it replaces. */
export function checkRenewal(
  renewed: RenewedLicenceInput,
  current: LicenceRow,
  type: LicenceType,
  today: IsoDate,
): void {
  const facts = { ...renewed, typeCode: current.type_code, authority: current.authority }
  const details = factDetails(facts, today, type.validityYears)
  if (details.length === 0 && renewed.expiresOn <= current.expires_on) {
    details.push({ field: 'expiresOn', message: `新证的有效期截止日期应晚于原证（${current.expires_on}）` })
  }
  if (details.length > 0) throw validationError(details)
}
