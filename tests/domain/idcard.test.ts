import { checkIdNumber, idNumberCheckCharacter } from '../../src/domain/idcard'

const TODAY = '2026-11-22'

describe('居民身份证号 (GB 11643-1999)', () => {
  test.each([
    ['11010519491231002X', '1949-12-31', 'F'], // the standard's own example, check character X
    ['440524188001010014', '1880-01-01', 'M'], // the standard's second example
    ['110101199003074477', '1990-03-07', 'M'],
    ['110101200002291221', '2000-02-29', 'F'], // leap day in a leap century year
  ])('accepts %s (born %s, %s)', (id, birthDate, sex) => {
    expect(checkIdNumber(id, TODAY)).toEqual({ ok: true, idNumber: id, birthDate, sex })
  })

  test.each([
    ['', 'empty'],
    ['11010519491231002', 'format'],
    ['1101051949123100XX', 'format'],
    ['11010519491231002Y', 'format'],
    ['110101190002291233', 'birthDate'], // 1900 is not a leap year
    ['110101199013074470', 'birthDate'], // month 13
    ['11010119900230447X', 'birthDate'], // 30 February
    ['110101202712014471', 'birthDate'], // born after today
    ['110105194912310021', 'check'],
    ['110101199003074478', 'check'],
  ])('rejects %j as %s', (id, problem) => {
    expect(checkIdNumber(id, TODAY)).toEqual({ ok: false, problem })
  })

  test('accepts a lower-case x as the check character', () => {
    expect(checkIdNumber('11010519491231002x', TODAY)).toMatchObject({ ok: true, idNumber: '11010519491231002X' })
  })

  test('a birth date of today is allowed, tomorrow is not', () => {
    const prefix = (date: string) => `110101${date.replace(/-/g, '')}123`
    const today = prefix('2026-11-22')
    const tomorrow = prefix('2026-11-23')
    expect(checkIdNumber(today + idNumberCheckCharacter(today), TODAY).ok).toBe(true)
    expect(checkIdNumber(tomorrow + idNumberCheckCharacter(tomorrow), TODAY)).toEqual({
      ok: false,
      problem: 'birthDate',
    })
  })
})
