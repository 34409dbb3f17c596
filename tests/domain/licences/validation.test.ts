import { licenceFactProblems } from '../../../src/domain/licences/validation'

const TODAY = '2026-11-22'
const ok = {
  typeCode: 'food-production',
  number: 'SC10641100200123',
  authority: '许昌市市场监督管理局',
  issuedOn: '2022-01-10',
  expiresOn: '2027-01-09',
}

describe('licence facts as entered', () => {
  test('a well-formed record has no problems', () => {
    expect(licenceFactProblems(ok, TODAY, 5)).toEqual({})
  })

  test.each([
    [{ typeCode: '' }, 'typeCode', '请选择证照类型'],
    [{ number: '  ' }, 'number', '请填写证照编号'],
    [{ number: 'SC<script>' }, 'number', '证照编号含有无效字符或过长'],
    [{ authority: '' }, 'authority', '请填写发证机关'],
    [{ issuedOn: '2022/01/10' }, 'issuedOn', '请填写发证日期（格式：2026-01-31）'],
    [{ issuedOn: '2026-11-23' }, 'issuedOn', '发证日期不能晚于今天'],
    [{ expiresOn: '2027-02-30' }, 'expiresOn', '请填写有效期截止日期（格式：2026-01-31）'],
    [{ expiresOn: '2022-01-10' }, 'expiresOn', '有效期截止日期应晚于发证日期'],
    [{ expiresOn: '2021-12-31' }, 'expiresOn', '有效期截止日期应晚于发证日期'],
    [{ expiresOn: '2052-01-11' }, 'expiresOn', '有效期超过 30 年，请核对日期'],
    [{ expiresOn: '2028-01-11' }, 'expiresOn', '该类证照有效期通常为 5 年，请核对截止日期'],
  ])('%j → %s: %s', (patch, field, message) => {
    expect(licenceFactProblems({ ...ok, ...patch }, TODAY, 5)).toEqual({ [field]: message })
  })

  test('a type whose validity varies by province is not held to a number of years', () => {
    expect(licenceFactProblems({ ...ok, expiresOn: '2035-01-09' }, TODAY, null)).toEqual({})
  })

  test('numbers with Chinese brackets and dashes, as printed on certificates, are accepted', () => {
    expect(licenceFactProblems({ ...ok, number: '（豫）JZ安许证字〔2020〕000123' }, TODAY, 5)).toEqual({})
    expect(licenceFactProblems({ ...ok, number: '(豫)JZ安许证字[2020]000123-1' }, TODAY, 5)).toEqual({})
  })
})
