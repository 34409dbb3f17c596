import { SEAL_TYPE_LABELS, type SealType } from './sealTypes'

/**
 * The picture of an e-seal as an SVG string, drawn the way Chinese seals look (GA 241-2000 style
 * conventions): 公章 round with a five-pointed star and the name along the upper arc; the
 * special-purpose seals oval with the name along the arc and the purpose across the middle; the
 * legal representative's name seal square, read right column first. Characters are placed one
 * by one (no <textPath>) so every SVG renderer, including mini-program image decoders, draws it.
 * Pure and deterministic: the same input always gives the same string.
 */

export type SealShape = 'round-star' | 'oval' | 'square'

export const SEAL_RED = '#d7000f'
const FONT = "'SimSun','Songti SC','Noto Serif CJK SC',serif"

export function sealShape(type: SealType): SealShape {
  if (type === 'official') return 'round-star'
  if (type === 'legal_representative') return 'square'
  return 'oval'
}

export interface SealImageInput {
  type: SealType
  enterpriseName: string
  legalRepresentative: string
}

export function renderSealSvg(input: SealImageInput): string {
  switch (sealShape(input.type)) {
    case 'round-star':
      return roundSeal(input.enterpriseName)
    case 'oval':
      return ovalSeal(input.enterpriseName, SEAL_TYPE_LABELS[input.type])
    case 'square':
      return squareSeal(input.legalRepresentative)
  }
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

const n = (value: number): string => String(Math.round(value * 100) / 100)

function svg(width: number, height: number, label: string, body: string[]): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"` +
    ` role="img" aria-label="${escapeXml(label)}">${body.join('')}</svg>`
  )
}

function glyph(char: string, x: number, y: number, size: number, rotate = 0): string {
  const transform = rotate === 0 ? '' : ` transform="rotate(${n(rotate)} ${n(x)} ${n(y)})"`
  return (
    `<text x="${n(x)}" y="${n(y)}" font-size="${n(size)}" font-family="${FONT}" font-weight="bold" fill="${SEAL_RED}"` +
    ` text-anchor="middle" dominant-baseline="central"${transform}>${escapeXml(char)}</text>`
  )
}

/** Characters spread over `spanDeg` of the upper arc, each turned to face the centre. */
function arcGlyphs(chars: string[], cx: number, cy: number, rx: number, ry: number, maxSpanDeg: number): string[] {
  const spanDeg = Math.min(maxSpanDeg, chars.length * 24)
  const size = Math.min(24, ((spanDeg / 180) * Math.PI * ((rx + ry) / 2) * 0.85) / Math.max(chars.length, 1))
  return chars.map((char, i) => {
    const stepDeg = chars.length === 1 ? 0 : spanDeg / (chars.length - 1)
    const t = ((-spanDeg / 2 + stepDeg * i) * Math.PI) / 180
    const x = cx + rx * Math.sin(t)
    const y = cy - ry * Math.cos(t)
    // The baseline follows the tangent of the ellipse at t.
    const rotate = (Math.atan2(ry * Math.sin(t), rx * Math.cos(t)) * 180) / Math.PI
    return glyph(char, x, y, size, rotate)
  })
}

function starPoints(cx: number, cy: number, outer: number): string {
  const inner = outer * 0.382
  const points: string[] = []
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? outer : inner
    const a = (Math.PI / 5) * i - Math.PI / 2
    points.push(`${n(cx + r * Math.cos(a))},${n(cy + r * Math.sin(a))}`)
  }
  return points.join(' ')
}

function roundSeal(enterpriseName: string): string {
  return svg(200, 200, enterpriseName, [
    `<circle cx="100" cy="100" r="94" fill="none" stroke="${SEAL_RED}" stroke-width="5"/>`,
    `<polygon points="${starPoints(100, 100, 30)}" fill="${SEAL_RED}"/>`,
    ...arcGlyphs(Array.from(enterpriseName), 100, 100, 72, 72, 250),
  ])
}

function ovalSeal(enterpriseName: string, purpose: string): string {
  const purposeChars = Array.from(purpose)
  const size = 18
  return svg(240, 160, `${enterpriseName}${purpose}`, [
    `<ellipse cx="120" cy="80" rx="114" ry="74" fill="none" stroke="${SEAL_RED}" stroke-width="4"/>`,
    ...arcGlyphs(Array.from(enterpriseName), 120, 80, 94, 56, 200),
    ...purposeChars.map((char, i) => glyph(char, 120 + (i - (purposeChars.length - 1) / 2) * size, 104, size)),
  ])
}

/** 2 characters → 「X之印」 layout of four; 3 → 「XYZ印」; longer names get a third row. */
function squareSeal(personName: string): string {
  const name = Array.from(personName)
  const chars = name.length === 2 ? [...name, '之', '印'] : [...name, '印']
  const rows = chars.length <= 4 ? 2 : 3
  const cols = Math.ceil(chars.length / rows)
  const inner = 100
  const cellW = inner / cols
  const cellH = inner / rows
  const size = Math.min(cellW, cellH) * 0.86
  return svg(120, 120, `${personName}印`, [
    `<rect x="4" y="4" width="112" height="112" fill="none" stroke="${SEAL_RED}" stroke-width="5"/>`,
    ...chars.map((char, i) => {
      // Read top to bottom, right column first, as a name seal is.
      const col = cols - 1 - Math.floor(i / rows)
      const row = i % rows
      return glyph(char, 10 + cellW * (col + 0.5), 10 + cellH * (row + 0.5), size)
    }),
  ])
}
