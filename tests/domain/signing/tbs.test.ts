import fc from 'fast-check'
import {
  SM2_WITH_SM3_OID,
  SM3_OID,
  TBS_FORMAT,
  canonicalJson,
  encodeTbs,
  parseTbs,
  type JsonValue,
  type TbsSign,
} from '../../../src/domain/signing/tbs'

export const SAMPLE_TBS: TbsSign = {
  format: TBS_FORMAT,
  eseal: {
    id: '6f1c2f8e-3b7a-4a55-9a7e-0c3c1d2e4f50',
    kind: 'seal',
    type: 'contract',
    name: '许昌瑞丰食品有限公司合同专用章',
    holder: '91411002MA3X7R2K5U',
    validFrom: '2025-03-01T00:00:00.000Z',
    validTo: '2028-03-01T00:00:00.000Z',
    publicKeySm3: 'a'.repeat(64),
  },
  timeInfo: '2025-03-02T08:00:00.123Z',
  dataHash: 'b'.repeat(64),
  dataHashAlgorithm: SM3_OID,
  signatureAlgorithm: SM2_WITH_SM3_OID,
  propertyInfo: {
    taskId: 'c0a80101-0000-4000-8000-000000000001',
    documentName: '采购合同（2025）第 3 号',
    enterpriseUscc: '91411002MA3X7R2K5U',
    requestedBy: '许昌市合同管理平台',
    signer: { userId: 'u1', name: '王磊', basis: 'grant', grantId: 'g1', confirmedBy: 'face' },
  },
}

describe('canonical JSON', () => {
  it('sorts keys at every level and leaves out whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: true }], c: '中' } })).toBe(
      '{"a":{"c":"中","d":[3,{"y":true,"z":null}]},"b":1}',
    )
  })

  it('gives one encoding whatever order the keys were built in', () => {
    const json = fc.jsonValue().filter((v) => !JSON.stringify(v).match(/\d\.\d|e[+-]?\d|-0\b/))
    fc.assert(
      fc.property(json, (value) => {
        const reordered = JSON.parse(JSON.stringify(value), (_k, v) =>
          v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
        )
        try {
          return canonicalJson(value as JsonValue) === canonicalJson(reordered as JsonValue)
        } catch {
          return true // values with non-integers are refused either way
        }
      }),
    )
  })

  it('refuses numbers that have more than one spelling', () => {
    expect(() => canonicalJson(1.5)).toThrow()
    expect(() => canonicalJson(2 ** 60)).toThrow()
  })
})

describe('to-be-signed structure', () => {
  it('round-trips through its encoding', () => {
    const text = encodeTbs(SAMPLE_TBS)
    expect(text.startsWith('{"dataHash":')).toBe(true)
    expect(parseTbs(text)).toEqual({ ok: true, tbs: SAMPLE_TBS })
  })

  it('refuses bytes that are not exactly the canonical encoding', () => {
    const text = encodeTbs(SAMPLE_TBS)
    expect(parseTbs(JSON.stringify(SAMPLE_TBS))).toEqual({ ok: false, problem: 'not-canonical' })
    expect(parseTbs(text.replace('{', '{ '))).toEqual({ ok: false, problem: 'not-canonical' })
    expect(parseTbs(text.slice(0, -1))).toEqual({ ok: false, problem: 'json' })
  })

  test.each([
    ['an unknown field', (t: any) => ({ ...t, extra: 1 })],
    ['a missing field', (t: any) => ({ ...t, dataHash: undefined })],
    ['another algorithm', (t: any) => ({ ...t, signatureAlgorithm: '1.2.840.10045.4.3.2' })],
    ['an upper-case hash', (t: any) => ({ ...t, dataHash: 'B'.repeat(64) })],
    ['a short hash', (t: any) => ({ ...t, dataHash: 'b'.repeat(63) })],
    ['a local time', (t: any) => ({ ...t, timeInfo: '2025-03-02 16:00:00' })],
    ['an unknown seal type', (t: any) => ({ ...t, eseal: { ...t.eseal, type: 'invoice' } })],
    ['a signer without basis', (t: any) => ({ ...t, propertyInfo: { ...t.propertyInfo, signer: { userId: 'u' } } })],
  ])('refuses a structure with %s', (_what, change) => {
    const changed = change(SAMPLE_TBS)
    expect(parseTbs(canonicalJson(JSON.parse(JSON.stringify(changed))))).toEqual({ ok: false, problem: 'shape' })
  })
})
