import { SEAL_RED, renderSealSvg, sealShape } from '../../../src/domain/signing/sealImage'
import { SEAL_TYPES, sealName } from '../../../src/domain/signing/sealTypes'

const ENTERPRISE = '许昌瑞丰食品有限公司'
const REP = '张建国'

function glyphs(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1])
}

/** Tags open and close in order: enough to know the string is well-formed SVG markup. */
function isBalanced(svg: string): boolean {
  const stack: string[] = []
  for (const [, closing, name, selfClosing] of svg.matchAll(/<(\/?)([a-z]+)[^>]*?(\/?)>/g)) {
    if (selfClosing) continue
    if (closing) {
      if (stack.pop() !== name) return false
    } else stack.push(name)
  }
  return stack.length === 0
}

describe('seal images', () => {
  it('gives each seal type its conventional shape', () => {
    expect(SEAL_TYPES.map(sealShape)).toEqual(['round-star', 'oval', 'oval', 'square'])
  })

  it('draws 公章 round, with a star and the name along the arc', () => {
    const svg = renderSealSvg({ type: 'official', enterpriseName: ENTERPRISE, legalRepresentative: REP })
    expect(svg).toContain('<circle')
    expect(svg).toContain('<polygon')
    expect(glyphs(svg).join('')).toBe(ENTERPRISE)
    expect(svg).toContain(`stroke="${SEAL_RED}"`)
    expect(isBalanced(svg)).toBe(true)
  })

  it('draws 财务专用章 and 合同专用章 oval, name on the arc and purpose across', () => {
    for (const [type, purpose] of [
      ['finance', '财务专用章'],
      ['contract', '合同专用章'],
    ] as const) {
      const svg = renderSealSvg({ type, enterpriseName: ENTERPRISE, legalRepresentative: REP })
      expect(svg).toContain('<ellipse')
      expect(svg).not.toContain('<polygon')
      expect(glyphs(svg).join('')).toBe(ENTERPRISE + purpose)
      expect(isBalanced(svg)).toBe(true)
    }
  })

  it('draws 法定代表人名章 square, right column first', () => {
    const svg = renderSealSvg({ type: 'legal_representative', enterpriseName: ENTERPRISE, legalRepresentative: REP })
    expect(svg).toContain('<rect')
    expect(glyphs(svg).join('')).toBe('张建国印')
    const x = (char: string) => Number(new RegExp(`<text x="([\\d.]+)"[^>]*>${char}<`).exec(svg)![1])
    expect(x('张')).toBeGreaterThan(x('国'))
    expect(
      glyphs(
        renderSealSvg({ type: 'legal_representative', enterpriseName: ENTERPRISE, legalRepresentative: '李梅' }),
      ).join(''),
    ).toBe('李梅之印')
  })

  it('is deterministic and escapes markup in names', () => {
    const input = { type: 'official' as const, enterpriseName: ENTERPRISE, legalRepresentative: REP }
    expect(renderSealSvg(input)).toBe(renderSealSvg(input))
    const svg = renderSealSvg({ type: 'contract', enterpriseName: '<script>&"', legalRepresentative: REP })
    expect(svg).not.toContain('<script>')
    expect(isBalanced(svg)).toBe(true)
  })

  it('names seals as they are engraved', () => {
    expect(SEAL_TYPES.map((type) => sealName(type, ENTERPRISE, REP))).toEqual([
      ENTERPRISE,
      `${ENTERPRISE}财务专用章`,
      `${ENTERPRISE}合同专用章`,
      '张建国印',
    ])
  })
})
