import { fieldError } from '../signing/field-error'
import { chinaDateOf } from '../../../../src/domain/calendar/dates'
import { ID_NUMBER_PROBLEM_MESSAGES, checkIdNumber } from '../../../../src/domain/idcard'
import { PERSON_NAME_PROBLEM_MESSAGES, checkPersonName } from '../../../../src/domain/signing/personName'
import type { FacePerson } from './face-provider'

/** The person to verify, checked with the same rules the app's form uses (age and birth date as of `now`, the app clock). */
export function parseFacePerson(rawName: string, rawIdNumber: string, now: number): FacePerson {
  const name = checkPersonName(rawName)
  if (!name.ok) throw fieldError('name', PERSON_NAME_PROBLEM_MESSAGES[name.problem])
  const id = checkIdNumber(rawIdNumber, chinaDateOf(now))
  if (!id.ok) throw fieldError('idNumber', ID_NUMBER_PROBLEM_MESSAGES[id.problem])
  return { name: name.name, idNumber: id.idNumber }
}
