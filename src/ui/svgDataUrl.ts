/** A seal or signature SVG as an Image source: every platform's <image> accepts a data URL. */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
}
