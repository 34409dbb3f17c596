import { base64Of } from '../../../src/domain/signing/base64'
import { parseVerificationLink, verdictLine, verificationLinkOf } from '../../../src/domain/signing/verificationLink'

const ID = '0f8e6a52-1c7b-4d0e-9b3a-2f1e4c5d6a7b'
const SM3 = 'ab'.repeat(32)

describe('verification link', () => {
  it('reads back what verificationLinkOf writes, from any origin, lower-cased', () => {
    expect(parseVerificationLink(verificationLinkOf('https://zqt.example.gov.cn', ID, SM3))).toEqual({
      recordId: ID,
      documentSm3: SM3,
    })
    expect(
      parseVerificationLink(` http://127.0.0.1:10086/verify?hash=${SM3.toUpperCase()}&record=${ID.toUpperCase()} `),
    ).toEqual({ recordId: ID, documentSm3: SM3 })
  })

  it('refuses anything else: a sign QR, another path, a short hash, a bad id, bad escapes', () => {
    for (const text of [
      'https://zqt.example.gov.cn/s/QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ',
      `https://zqt.example.gov.cn/verify2?record=${ID}&hash=${SM3}`,
      `https://zqt.example.gov.cn/verify?record=${ID}&hash=${SM3.slice(1)}`,
      `https://zqt.example.gov.cn/verify?record=x${ID}&hash=${SM3}`,
      `https://zqt.example.gov.cn/verify?record=%E0%A4%A&hash=${SM3}`,
      `ftp://zqt.example.gov.cn/verify?record=${ID}&hash=${SM3}`,
      '',
    ]) {
      expect(parseVerificationLink(text)).toBeNull()
    }
  })

  it('names a changed document apart from an invalid signature', () => {
    const step = (key: string, passed: boolean) => ({ key, passed })
    expect(verdictLine({ valid: true, steps: [step('documentHash', true)] })).toBe(
      '验章通过：签章真实有效，文件未被修改',
    )
    expect(verdictLine({ valid: false, steps: [step('documentHash', false)] })).toBe(
      '验章未通过：文件已被修改，或不是签章的那份文件',
    )
    expect(verdictLine({ valid: false, steps: [step('documentHash', false), step('timestamp', false)] })).toBe(
      '验章未通过：签章无效',
    )
  })
})

describe('base64Of', () => {
  it('matches Buffer for every length remainder and all byte values', () => {
    const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 37 + 11) & 0xff)
    for (const length of [0, 1, 2, 3, 4, 5, 255, 256, 300]) {
      const slice = bytes.subarray(0, length)
      expect(base64Of(slice)).toBe(Buffer.from(slice).toString('base64'))
    }
  })
})
