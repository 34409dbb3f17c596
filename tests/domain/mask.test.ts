import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { maskIdNumber, maskName, maskPersonalDataInText, maskPhone } from '../../src/domain/mask'
import { lookbehindsIn } from '../../scripts/output-check'

describe('masking personal data', () => {
  test.each([
    ['13800000001', '138****0001'],
    ['139 1234 5678', '139****5678'],
    ['02112345678', '021******78'],
    ['1234', '****'],
  ])('maskPhone(%j) → %j', (input, expected) => {
    expect(maskPhone(input)).toBe(expected)
  })

  test.each([
    ['11010519491231002X', '1101**********002X'],
    ['11010519491231002x', '1101**********002X'],
    ['1234567', '*******'],
  ])('maskIdNumber(%j) → %j', (input, expected) => {
    expect(maskIdNumber(input)).toBe(expected)
  })

  test('the birth date never survives ID masking', () => {
    expect(maskIdNumber('11010519491231002X')).not.toContain('19491231')
  })

  test.each([
    ['张建国', '张*国'],
    ['李梅', '李*'],
    ['欧阳晓明', '欧**明'],
    ['王', '王'],
  ])('maskName(%j) → %j', (input, expected) => {
    expect(maskName(input)).toBe(expected)
  })

  test('masks every phone and ID number inside free text and leaves other numbers', () => {
    const text =
      'login phone=13800000001 id=11010519491231002X order=20261122 uscc=9144030071526726XG tel:+8613912345678'
    const masked = maskPersonalDataInText(text)
    expect(masked).toBe(
      'login phone=138****0001 id=1101**********002X order=20261122 uscc=9144030071526726XG tel:+86139****5678',
    )
    expect(masked).not.toMatch(/13800000001|11010519491231002X|13912345678/)
  })
})

describe('masking in free text without regex lookbehind (iOS < 16.4 cannot load a file with one)', () => {
  test('src/domain/mask.ts holds no lookbehind', () => {
    const source = readFileSync(path.join(__dirname, '../../src/domain/mask.ts'), 'utf8')
    const js = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2018 } }).outputText
    expect(lookbehindsIn(js, 'mask.ts', 'module')).toEqual([])
  })

  // The patterns as they were, with lookbehind; built from strings so this file parses anywhere.
  const OLD_PHONE = new RegExp('(?<' + '![\\dA-Za-z])(\\+?86)?(1[3-9]\\d)\\d{4}(\\d{4})(?!\\d)', 'g')
  const OLD_ID = new RegExp('(?<' + '![\\dA-Za-z])(\\d{4})\\d{10}(\\d{3}[\\dXx])(?![\\dA-Za-z])', 'g')
  const oldMask = (text: string) => text.replace(OLD_ID, '$1**********$2').replace(OLD_PHONE, '$1$2****$3')

  test('masks exactly what the lookbehind version masked', () => {
    const piece = fc.oneof(
      fc.constantFrom('13800000001', '13912345678', '11010519491231002X', '11010519491231002x', '+86', '86'),
      fc.constantFrom(...'0123456789Xxa+ :,-号'.split('')),
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('')
        expect(maskPersonalDataInText(text)).toBe(oldMask(text))
      }),
      { numRuns: 3000 },
    )
  })

  test.each([
    ['13800000001,13900000002', '138****0001,139****0002'],
    ['a13800000001', 'a13800000001'],
    ['a+8613800000001', 'a+86138****0001'],
    ['身份证11010519491231002X电话13800000001', '身份证1101**********002X电话138****0001'],
  ])('%j → %j', (input, expected) => {
    expect(maskPersonalDataInText(input)).toBe(expected)
  })
})
