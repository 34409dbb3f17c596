import fc from 'fast-check'
import { drawnSignatureSvg, nameSignatureSvg } from '../../../src/domain/signing/signatureImage'
import { SIGNATURE_BOX, STROKE_LIMITS, normaliseStrokes } from '../../../src/domain/signing/strokes'

function coordinates(path: string): number[][] {
  return [...path.matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])])
}

describe('normaliseStrokes', () => {
  it('scales a signature into the fixed box, centred, keeping its proportions', () => {
    // 200 × 50 canvas units: width-bound, scale (300 - 20) / 200 = 1.4 → 280 × 70, centred vertically.
    const result = normaliseStrokes([
      [
        [100, 100],
        [300, 150],
      ],
    ])
    expect(result).toEqual({ ok: true, path: 'M10 40 L290 110', points: 2 })
  })

  it('keeps strokes apart and drops repeated points', () => {
    const result = normaliseStrokes([
      [
        [0, 0],
        [0, 0],
        [0, 100],
      ],
      [[100, 100]],
    ])
    expect(result).toEqual({ ok: true, path: 'M85 10 L85 140 M215 140 l0 0', points: 4 })
  })

  it('puts every point of any valid signature inside the box', () => {
    const point = fc.tuple(fc.integer({ min: 0, max: 4000 }), fc.integer({ min: 0, max: 4000 }))
    const strokes = fc.array(fc.array(point, { minLength: 1, maxLength: 30 }), { minLength: 1, maxLength: 10 })
    fc.assert(
      fc.property(strokes, (input) => {
        const result = normaliseStrokes(input)
        if (!result.ok) return result.problem === 'too-small'
        const { width, height, padding } = SIGNATURE_BOX
        return coordinates(result.path).every(
          ([x, y]) =>
            x >= padding - 0.05 && x <= width - padding + 0.05 && y >= padding - 0.05 && y <= height - padding + 0.05,
        )
      }),
    )
  })

  it('does not depend on where on the canvas the signature was drawn', () => {
    const point = fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }))
    const strokes = fc.array(fc.array(point, { minLength: 2, maxLength: 20 }), { minLength: 1, maxLength: 5 })
    fc.assert(
      fc.property(strokes, fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 3000 }), (input, dx, dy) => {
        const moved = input.map((stroke) => stroke.map(([x, y]) => [x + dx, y + dy]))
        expect(normaliseStrokes(moved)).toEqual(normaliseStrokes(input))
      }),
    )
  })

  const line = (n: number) => Array.from({ length: n }, (_, i) => [i % 500, (i * 7) % 300])

  test.each([
    ['not an array', { strokes: [] }, 'shape'],
    ['no strokes', [], 'empty'],
    ['only empty strokes', [[], []], 'empty'],
    ['a stroke that is not an array', ['M0 0'], 'shape'],
    ['a point with one coordinate', [[[1], [2, 3]]], 'shape'],
    [
      'a point with text',
      [
        [
          ['1', 2],
          [30, 40],
        ],
      ],
      'shape',
    ],
    [
      'NaN',
      [
        [
          [NaN, 2],
          [30, 40],
        ],
      ],
      'shape',
    ],
    [
      'Infinity',
      [
        [
          [Infinity, 2],
          [30, 40],
        ],
      ],
      'shape',
    ],
    [
      'negative coordinates',
      [
        [
          [-1, 2],
          [30, 40],
        ],
      ],
      'out-of-bounds',
    ],
    [
      'coordinates beyond the canvas',
      [
        [
          [0, 0],
          [STROKE_LIMITS.maxCoordinate + 1, 40],
        ],
      ],
      'out-of-bounds',
    ],
    [
      'a tap',
      [
        [
          [10, 10],
          [15, 12],
        ],
      ],
      'too-small',
    ],
    [
      'too many strokes',
      Array.from({ length: STROKE_LIMITS.maxStrokes + 1 }, () => [
        [0, 0],
        [50, 50],
      ]),
      'too-many-strokes',
    ],
    ['a stroke too long', [line(STROKE_LIMITS.maxPointsPerStroke + 1)], 'too-many-points'],
    ['too many points in all', Array.from({ length: 6 }, () => line(900)), 'too-many-points'],
  ])('rejects %s', (_what, input, problem) => {
    expect(normaliseStrokes(input)).toEqual({ ok: false, problem })
  })
})

describe('signature images', () => {
  it('draws the normalised path in the signature box', () => {
    const svg = drawnSignatureSvg('M10 40 L290 110', '张建国')
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 300 150"/)
    expect(svg).toContain('<path d="M10 40 L290 110"')
    expect(svg).toContain('aria-label="张建国的手写签名"')
  })

  it('refuses a path that is not a normalised one (no markup can sneak in)', () => {
    expect(() => drawnSignatureSvg('M0 0"/><script>alert(1)</script>', '张三')).toThrow()
  })

  it('typesets the verified name, escaped', () => {
    const svg = nameSignatureSvg('张建国')
    expect(svg).toContain('>张建国</text>')
    expect(nameSignatureSvg('<&>')).toContain('&#60;&#38;&#62;')
  })
})
