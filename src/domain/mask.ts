/**
 * Masking for personal data shown in the UI and written to logs (PIPL: 身份证号 and phone
 * numbers are sensitive). Masks keep enough to recognise one's own number, never enough to use it.
 */

/** 13800000001 → 138****0001; other lengths keep at most the first 3 and last 2. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s+/g, '')
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(7)}`
  if (digits.length <= 4) return '*'.repeat(digits.length)
  return `${digits.slice(0, 3)}${'*'.repeat(Math.max(digits.length - 5, 1))}${digits.slice(-2)}`
}

/** 410102199003071234 → 4101**********1234: region prefix and last 4 only, birth date hidden. */
export function maskIdNumber(idNumber: string): string {
  const id = idNumber.trim().toUpperCase()
  if (id.length <= 8) return '*'.repeat(id.length)
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`
}

/** 张建国 → 张*国, 李梅 → 李*, 欧阳晓明 → 欧**明. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim())
  if (chars.length <= 1) return chars.join('')
  if (chars.length === 2) return `${chars[0]}*`
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`
}

// No regex lookbehind (negative or positive): JavaScriptCore before iOS 16.4 (WeChat's and Alipay's logic layer on
// those iPhones) refuses to load a file containing one. The character before a number is captured
// instead (group 1, or the start of the text) and written back. It is never part of the previous
// match, because both patterns end with a lookahead for a character they do not consume.
const PHONE_IN_TEXT = /(^|[^\dA-Za-z])(\+?86)?(1[3-9]\d)\d{4}(\d{4})(?!\d)/g
const ID_IN_TEXT = /(^|[^\dA-Za-z])(\d{4})\d{10}(\d{3}[\dXx])(?![\dA-Za-z])/g

/** Masks every mainland mobile number and 18-character ID number found in free text (for logs). */
export function maskPersonalDataInText(text: string): string {
  return text.replace(ID_IN_TEXT, '$1$2**********$3').replace(PHONE_IN_TEXT, '$1$2$3****$4')
}
