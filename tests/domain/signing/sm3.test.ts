import { randomBytes } from 'node:crypto'
import { sm3Hex } from '../../../server/capabilities/esign/signing/sm2'
import { sm3HexOf } from '../../../src/domain/signing/sm3'

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'))

describe('SM3 on 32-bit integers (for the phone)', () => {
  it('gives the GB/T 32905 examples', () => {
    expect(sm3HexOf(bytes('abc'))).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0')
    expect(sm3HexOf(bytes('abcd'.repeat(16)))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732')
  })

  it('agrees with the server’s SM3 at every padding boundary and on a large file', () => {
    for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, 127, 128, 1000]) {
      const data = randomBytes(length)
      expect(sm3HexOf(new Uint8Array(data))).toBe(sm3Hex(data))
    }
    const large = randomBytes(3 * 1024 * 1024 + 7)
    expect(sm3HexOf(new Uint8Array(large))).toBe(sm3Hex(large))
  })
})
