import { maskIdNumber, maskName, maskPersonalDataInText, maskPhone } from '../../src/domain/mask'

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
