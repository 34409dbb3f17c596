/**
 * 公民身份号码 (GB 11643-1999): 6-digit address code, 8-digit birth date (YYYYMMDD),
 * 3-digit sequence (odd = male), and an ISO 7064 MOD 11-2 check character (0-9 or X).
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK = '10X98765432'

export type IdNumberProblem = 'empty' | 'format' | 'birthDate' | 'check'

export function idNumberCheckCharacter(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]
  return CHECK[sum % 11]
}

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

/**
 * @param today YYYY-MM-DD; a birth date after it is rejected. Injected so the rule is testable.
 */
export function checkIdNumber(
  raw: string,
  today: string,
): { ok: true; idNumber: string; birthDate: string; sex: 'M' | 'F' } | { ok: false; problem: IdNumberProblem } {
  const id = raw.trim().toUpperCase()
  if (id === '') return { ok: false, problem: 'empty' }
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, problem: 'format' }
  const y = Number(id.slice(6, 10))
  const m = Number(id.slice(10, 12))
  const d = Number(id.slice(12, 14))
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`
  if (y < 1800 || !isRealDate(y, m, d) || birthDate > today) return { ok: false, problem: 'birthDate' }
  if (idNumberCheckCharacter(id.slice(0, 17)) !== id[17]) return { ok: false, problem: 'check' }
  return { ok: true, idNumber: id, birthDate, sex: Number(id[16]) % 2 === 1 ? 'M' : 'F' }
}

export const ID_NUMBER_PROBLEM_MESSAGES: Record<IdNumberProblem, string> = {
  empty: '请填写身份证号',
  format: '身份证号应为 18 位，最后一位可为数字或 X',
  birthDate: '身份证号中的出生日期无效',
  check: '身份证号校验位不正确，请核对',
}
