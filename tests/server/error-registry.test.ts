import { COMMON_ERRORS } from '../../src/contract/common-errors'
import { ACCOUNT_ERRORS } from '../../src/contract/account/errors'
import { LICENCE_ERRORS } from '../../src/contract/licences/errors'
import { ESIGN_ERRORS } from '../../src/contract/esign/errors'
import { POLICY_ERRORS } from '../../src/contract/policies/errors'
import { COMPLAINT_ERRORS } from '../../src/contract/complaints/errors'
import { COMPLIANCE_ERRORS } from '../../src/contract/compliance/errors'
import { ERROR_REGISTRY, type ErrorCode } from '../../src/contract/errors'
import { ApiError } from '../../server/kernel/http/api-error'
/** The one error registry (src/contract/errors.ts) composed from each capability's file. */

const PARTS = {
  COMMON_ERRORS,
  ACCOUNT_ERRORS,
  LICENCE_ERRORS,
  ESIGN_ERRORS,
  POLICY_ERRORS,
  COMPLAINT_ERRORS,
  COMPLIANCE_ERRORS,
}

test('no code is defined by two capabilities (a later file would silently win)', () => {
  const seen = new Map<string, string>()
  const twice: string[] = []
  for (const [part, entries] of Object.entries(PARTS)) {
    for (const code of Object.keys(entries)) {
      if (seen.has(code)) twice.push(`${code}: ${seen.get(code)} and ${part}`)
      seen.set(code, part)
    }
  }
  expect(twice).toEqual([])
  expect(Object.keys(ERROR_REGISTRY).sort()).toEqual([...seen.keys()].sort())
})

test('every code has an error status and a Chinese message', () => {
  for (const [code, entry] of Object.entries(ERROR_REGISTRY)) {
    expect([code, entry.status >= 400 && entry.status < 600]).toEqual([code, true])
    expect([code, /[\u4e00-\u9fff]/.test(entry.message)]).toEqual([code, true])
  }
})

test("the server's ApiError answers with the registry's status and message", () => {
  for (const code of Object.keys(ERROR_REGISTRY) as ErrorCode[]) {
    const error = new ApiError(code)
    expect({ code, status: error.statusCode, message: error.message }).toEqual({
      code,
      status: ERROR_REGISTRY[code].status,
      message: ERROR_REGISTRY[code].message,
    })
  }
})
