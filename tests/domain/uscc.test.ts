import { checkUscc, isValidUscc, usccCheckCharacter } from '../../src/domain/uscc'

describe('统一社会信用代码 (GB 32100-2015)', () => {
  // Codes published by the enterprises themselves: the check character was computed by the registry, not by us.
  test.each([
    ['9144030071526726XG', '深圳市腾讯计算机系统有限公司'],
    ['914403001922038216', '华为技术有限公司'],
    ['91330100716105852F', '阿里巴巴（中国）有限公司'],
    ['91350100M000100Y43', 'GB 32100 example with letters in the organisation code'],
  ])('accepts the real code %s (%s)', (code) => {
    expect(checkUscc(code)).toEqual({ ok: true, uscc: code })
  })

  test.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['9144030071526726X', 'length'],
    ['9144030071526726XGX', 'length'],
    ['9144030071526726XI', 'characters'], // I is not in the alphabet
    ['91440300715267260O', 'characters'], // O is not in the alphabet
    ['91AB030071526726XG', 'characters'], // the division code is digits only
    ['9144030071526726XH', 'check'],
    ['914403001922038217', 'check'],
    ['91330100716105852E', 'check'],
  ])('rejects %j as %s', (code, problem) => {
    expect(checkUscc(code)).toEqual({ ok: false, problem })
  })

  test('normalises lower case and surrounding spaces', () => {
    expect(checkUscc(' 9144030071526726xg ')).toEqual({ ok: true, uscc: '9144030071526726XG' })
  })

  test('the check character of a real code is recomputed from its first 17 characters', () => {
    expect(usccCheckCharacter('91440300715267260')).not.toBe('X')
    expect(usccCheckCharacter('9144030071526726X')).toBe('G')
  })

  test('every one of the 31 possible check characters yields a valid code for some prefix', () => {
    const seen = new Set<string>()
    for (let n = 0; n < 2000 && seen.size < 31; n++) {
      const prefix = `9141100${String(n).padStart(10, '0')}`
      const code = prefix + usccCheckCharacter(prefix)
      expect(isValidUscc(code)).toBe(true)
      seen.add(code[17])
    }
    expect(seen.size).toBe(31)
  })
})
