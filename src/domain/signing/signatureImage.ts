import { escapeXml } from './sealImage'
import { SIGNATURE_BOX } from './strokes'

/** The picture of a personal signature: the normalised handwriting, or the verified name typeset. */

const INK = '#1a1a1a'
const SCRIPT_FONT = "'STKaiti','KaiTi','Kaiti SC','Noto Serif CJK SC',serif"

function frame(label: string, body: string): string {
  const { width, height } = SIGNATURE_BOX
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"` +
    ` role="img" aria-label="${escapeXml(label)}">${body}</svg>`
  )
}

/** @param path from normaliseStrokes (already in SIGNATURE_BOX units) */
export function drawnSignatureSvg(path: string, holderName: string): string {
  if (!/^[MLl0-9 .-]+$/.test(path)) throw new Error('not a normalised signature path')
  return frame(
    `${holderName}的手写签名`,
    `<path d="${path}" fill="none" stroke="${INK}" stroke-width="4" stroke-linecap="round" stroke-linejoin="round"/>`,
  )
}

export function nameSignatureSvg(holderName: string): string {
  const chars = Array.from(holderName)
  const { width, height, padding } = SIGNATURE_BOX
  const size = Math.min(72, (width - 2 * padding) / Math.max(chars.length, 1))
  return frame(
    `${holderName}的签名`,
    `<text x="${width / 2}" y="${height / 2}" font-size="${Math.round(size)}" font-family="${SCRIPT_FONT}" fill="${INK}"` +
      ` text-anchor="middle" dominant-baseline="central">${escapeXml(holderName)}</text>`,
  )
}
