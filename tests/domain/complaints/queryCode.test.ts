import {
  formatQueryCode,
  isValidQueryCode,
  normaliseQueryCode,
  QUERY_CODE_ALPHABET,
  queryCodeFromBytes,
} from '../../../src/domain/complaints/queryCode'

describe('query codes for anonymous follow-up', () => {
  test('the alphabet has 32 symbols and none of 0, 1, I, O', () => {
    expect(QUERY_CODE_ALPHABET).toHaveLength(32)
    expect(new Set(QUERY_CODE_ALPHABET).size).toBe(32)
    expect(QUERY_CODE_ALPHABET).not.toMatch(/[01IO]/)
  })

  test.each([
    // Symbols 0–8 = "23456789A". Luhn mod 32 from the right, doubling first: 8→16, 7, 6→12, 5,
    // 4→8, 3, 2→4, 1, 0→0; sum 56 ≡ 24, check = 32 − 24 = 8 → 'A'.
    [[0, 1, 2, 3, 4, 5, 6, 7, 8], '23456789AA'],
    // Only the low 5 bits count: 255 → 31 'Z', 32 → 0 '2'. Values 31,0,31,0…: doubled 31s at
    // positions 0 and 2 give 62 → 1 + 30 = 31 each; sum 62 ≡ 30, check = 2 → '4'.
    [[255, 32, 31, 0, 0, 0, 0, 0, 0], 'Z2Z2222224'],
    // Extra bytes are ignored.
    [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], '23456789AA'],
  ])('%j → %s', (bytes, code) => {
    expect(queryCodeFromBytes(Uint8Array.from(bytes))).toBe(code)
    expect(isValidQueryCode(code)).toBe(true)
  })

  test('too few bytes is a programming error', () => {
    expect(() => queryCodeFromBytes(new Uint8Array(8))).toThrow(RangeError)
  })

  test('every single mistyped character is caught', () => {
    const code = '23456789AA'
    for (let position = 0; position < code.length; position++) {
      for (const symbol of QUERY_CODE_ALPHABET) {
        if (symbol === code[position]) continue
        const typo = code.slice(0, position) + symbol + code.slice(position + 1)
        expect(isValidQueryCode(typo)).toBe(false)
      }
    }
  })

  test.each([
    ['23456-789aa', true],
    [' 2345 6789 AA ', true],
    ['23456789A', false],
    ['23456789AAA', false],
    ['O3456789AA', false],
    ['', false],
  ])('%j valid: %s', (typed, expected) => {
    expect(isValidQueryCode(typed)).toBe(expected)
  })

  test('shown in two groups of five', () => {
    expect(formatQueryCode('z2z2222224')).toBe('Z2Z22-22224')
    expect(normaliseQueryCode('z2z22-22224')).toBe('Z2Z2222224')
  })
})
