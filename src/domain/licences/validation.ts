/**
 * Checks on a licence record as a user enters it, shared by the form (instant feedback) and the
 * server (the authority). Duplicate numbers need the database and are checked there.
 */
import { addYears, isIsoDate, type IsoDate } from '../calendar/dates'

export interface LicenceFacts {
  typeCode: string
  number: string
  authority: string
  issuedOn: string
  expiresOn: string
}

export type LicenceField = keyof LicenceFacts

/** No licence in the catalogue runs longer than 10 years; 30 leaves room for odd local ones. */
const MAX_YEARS_AFTER_ISSUE = 30

/** Field → Chinese message, empty when the facts are acceptable. */
export function licenceFactProblems(
  facts: LicenceFacts,
  today: IsoDate,
  validityYears: number | null = null,
): Partial<Record<LicenceField, string>> {
  const problems: Partial<Record<LicenceField, string>> = {}
  if (!facts.typeCode) problems.typeCode = '请选择证照类型'
  const number = facts.number.trim()
  if (!number) problems.number = '请填写证照编号'
  else if (number.length > 64 || !/^[\p{L}\p{N}()（）【】〔〕［］[\]\-—_/.·\s]+$/u.test(number))
    problems.number = '证照编号含有无效字符或过长'
  if (!facts.authority.trim()) problems.authority = '请填写发证机关'
  else if (facts.authority.trim().length > 64) problems.authority = '发证机关名称过长'
  const issuedOk = isIsoDate(facts.issuedOn)
  const expiresOk = isIsoDate(facts.expiresOn)
  if (!issuedOk) problems.issuedOn = '请填写发证日期（格式：2026-01-31）'
  else if (facts.issuedOn > today) problems.issuedOn = '发证日期不能晚于今天'
  if (!expiresOk) problems.expiresOn = '请填写有效期截止日期（格式：2026-01-31）'
  if (issuedOk && expiresOk) {
    if (facts.expiresOn <= facts.issuedOn) problems.expiresOn = '有效期截止日期应晚于发证日期'
    else if (facts.expiresOn > addYears(facts.issuedOn, MAX_YEARS_AFTER_ISSUE))
      problems.expiresOn = '有效期超过 30 年，请核对日期'
    else if (validityYears !== null && facts.expiresOn > addYears(facts.issuedOn, validityYears + 1)) {
      problems.expiresOn = `该类证照有效期通常为 ${validityYears} 年，请核对截止日期`
    }
  }
  return problems
}
