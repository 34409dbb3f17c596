/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters —
 * registration authority (1), organisation type (1), administrative division (6),
 * organisation code (9, itself with a GB 11714 check character), and a check character.
 * The alphabet has 31 characters: digits and capitals without I, O, Z, S, V.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/

export type UsccProblem = 'empty' | 'length' | 'characters' | 'check'

/** The check character for the first 17 characters (which must already be in the alphabet). */
export function usccCheckCharacter(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]) * WEIGHTS[i]
  return ALPHABET[(31 - (sum % 31)) % 31]
}

export function checkUscc(raw: string): { ok: true; uscc: string } | { ok: false; problem: UsccProblem } {
  const uscc = raw.trim().toUpperCase()
  if (uscc === '') return { ok: false, problem: 'empty' }
  if (uscc.length !== 18) return { ok: false, problem: 'length' }
  if (!SHAPE.test(uscc)) return { ok: false, problem: 'characters' }
  if (usccCheckCharacter(uscc.slice(0, 17)) !== uscc[17]) return { ok: false, problem: 'check' }
  return { ok: true, uscc }
}

export function isValidUscc(raw: string): boolean {
  return checkUscc(raw).ok
}

export const USCC_PROBLEM_MESSAGES: Record<UsccProblem, string> = {
  empty: '请填写统一社会信用代码',
  length: '统一社会信用代码应为 18 位',
  characters: '统一社会信用代码含有无效字符',
  check: '统一社会信用代码校验位不正确，请核对',
}
