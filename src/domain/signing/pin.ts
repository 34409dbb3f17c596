/**
 * The 6-digit signing PIN (签署密码). Like bank apps, refuse PINs anyone would guess first:
 * one digit repeated, or a straight run up or down.
 */

export type SigningPinProblem = 'format' | 'weak'

export function checkSigningPin(pin: string): { ok: true } | { ok: false; problem: SigningPinProblem } {
  if (!/^\d{6}$/.test(pin)) return { ok: false, problem: 'format' }
  const digits = Array.from(pin, Number)
  const steps = new Set(digits.slice(1).map((d, i) => d - digits[i]))
  if (steps.size === 1 && [0, 1, -1].includes([...steps][0])) return { ok: false, problem: 'weak' }
  return { ok: true }
}

export const SIGNING_PIN_PROBLEM_MESSAGES: Record<SigningPinProblem, string> = {
  format: '签署密码应为 6 位数字',
  weak: '签署密码过于简单（如 111111、123456），请换一个',
}
