/**
 * A handwritten signature as the app captures it — strokes of [x, y] canvas points — checked
 * and normalised into one SVG path in a fixed box, so every signature is stored and shown the
 * same size whatever the screen it was drawn on. Checked on the phone (to say what is wrong)
 * and again on the server (which trusts nothing the client sends).
 */

export type StrokePoint = [number, number]

export const STROKE_LIMITS = {
  maxStrokes: 60,
  maxPointsPerStroke: 1000,
  maxTotalPoints: 5000,
  /** Canvas coordinates from any phone or tablet fit in this. */
  maxCoordinate: 10000,
  /** A signature narrower and lower than this (canvas units) is a tap, not a signature. */
  minExtent: 20,
} as const

/** The box every signature is scaled into (SVG user units). */
export const SIGNATURE_BOX = { width: 300, height: 150, padding: 10 } as const

export type StrokesProblem = 'empty' | 'shape' | 'too-many-strokes' | 'too-many-points' | 'out-of-bounds' | 'too-small'

export const STROKES_PROBLEM_MESSAGES: Record<StrokesProblem, string> = {
  empty: '请先手写签名',
  shape: '签名笔迹数据格式不正确',
  'too-many-strokes': `签名笔画过多（最多 ${STROKE_LIMITS.maxStrokes} 笔）`,
  'too-many-points': '签名笔迹过长，请简化后重写',
  'out-of-bounds': '签名笔迹超出画板范围',
  'too-small': '签名太小，请在签名框内写大一些',
}

export type NormalisedSignature = { ok: true; path: string; points: number } | { ok: false; problem: StrokesProblem }

function isPoint(value: unknown): value is StrokePoint {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    typeof value[0] === 'number' &&
    typeof value[1] === 'number' &&
    Number.isFinite(value[0]) &&
    Number.isFinite(value[1])
  )
}

/** Checks what the client sent (it may be anything) and returns the path in SIGNATURE_BOX. */
export function normaliseStrokes(input: unknown): NormalisedSignature {
  if (!Array.isArray(input)) return { ok: false, problem: 'shape' }
  const strokes = input.filter((stroke) => !Array.isArray(stroke) || stroke.length > 0)
  if (strokes.length === 0) return { ok: false, problem: 'empty' }
  if (strokes.length > STROKE_LIMITS.maxStrokes) return { ok: false, problem: 'too-many-strokes' }
  let total = 0
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (const stroke of strokes) {
    if (!Array.isArray(stroke)) return { ok: false, problem: 'shape' }
    if (stroke.length > STROKE_LIMITS.maxPointsPerStroke) return { ok: false, problem: 'too-many-points' }
    total += stroke.length
    if (total > STROKE_LIMITS.maxTotalPoints) return { ok: false, problem: 'too-many-points' }
    for (const point of stroke) {
      if (!isPoint(point)) return { ok: false, problem: 'shape' }
      const [x, y] = point
      if (x < 0 || y < 0 || x > STROKE_LIMITS.maxCoordinate || y > STROKE_LIMITS.maxCoordinate) {
        return { ok: false, problem: 'out-of-bounds' }
      }
      minX = Math.min(minX, x)
      minY = Math.min(minY, y)
      maxX = Math.max(maxX, x)
      maxY = Math.max(maxY, y)
    }
  }
  const width = maxX - minX
  const height = maxY - minY
  if (Math.max(width, height) < STROKE_LIMITS.minExtent) return { ok: false, problem: 'too-small' }

  // Uniform scale (no distortion), centred in the box.
  const { width: boxW, height: boxH, padding } = SIGNATURE_BOX
  const scale = Math.min((boxW - 2 * padding) / Math.max(width, 1), (boxH - 2 * padding) / Math.max(height, 1))
  const offsetX = (boxW - width * scale) / 2
  const offsetY = (boxH - height * scale) / 2
  const round = (value: number) => Math.round(value * 10) / 10
  const commands: string[] = []
  for (const stroke of strokes as StrokePoint[][]) {
    let previous = ''
    const parts: string[] = []
    for (const [x, y] of stroke) {
      const here = `${round(offsetX + (x - minX) * scale)} ${round(offsetY + (y - minY) * scale)}`
      if (here === previous) continue
      parts.push(`${parts.length === 0 ? 'M' : 'L'}${here}`)
      previous = here
    }
    // A single dot still shows with round line caps.
    if (parts.length === 1) parts.push('l0 0')
    commands.push(parts.join(' '))
  }
  return { ok: true, path: commands.join(' '), points: total }
}
