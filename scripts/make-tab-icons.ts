// Draws the four tab-bar icons (81×81 PNG, grey and selected blue) into src/assets/tabbar.
// WeChat and Alipay tab bars take only local PNG/JPG files (no SVG, no icon fonts), so they are
// generated from simple shapes here instead of being drawn by hand; run after changing a shape.
import { writeFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'

const SIZE = 81
type Shape = (x: number, y: number) => boolean

const inRect = (x: number, y: number, x0: number, y0: number, x1: number, y1: number) =>
  x >= x0 && x <= x1 && y >= y0 && y <= y1
const ring = (x: number, y: number, cx: number, cy: number, r: number, w: number) => {
  const d = Math.hypot(x - cx, y - cy)
  return d <= r && d >= r - w
}
const outline = (x: number, y: number, x0: number, y0: number, x1: number, y1: number, w: number) =>
  inRect(x, y, x0, y0, x1, y1) && !inRect(x, y, x0 + w, y0 + w, x1 - w, y1 - w)

const SHAPES: Record<string, Shape> = {
  workbench: (x, y) =>
    outline(x, y, 12, 12, 37, 37, 5) ||
    outline(x, y, 44, 12, 69, 37, 5) ||
    outline(x, y, 12, 44, 37, 69, 5) ||
    inRect(x, y, 44, 44, 69, 69),
  licences: (x, y) =>
    outline(x, y, 10, 16, 71, 65, 5) ||
    ring(x, y, 28, 36, 8, 5) ||
    inRect(x, y, 42, 30, 62, 34) ||
    inRect(x, y, 42, 42, 62, 46) ||
    inRect(x, y, 18, 52, 62, 56),
  inbox: (x, y) =>
    outline(x, y, 10, 18, 71, 63, 5) ||
    (Math.abs(y - 18 - (x < 40.5 ? (x - 10) * 0.75 : (71 - x) * 0.75)) < 3.5 && y < 45),
  me: (x, y) =>
    ring(x, y, 40.5, 28, 14, 5) ||
    (ring(x, y, 40.5, 76, 28, 5) && y < 70) ||
    (inRect(x, y, 12, 66, 69, 70) && Math.hypot(x - 40.5, y - 76) <= 28),
}

function crc32(buf: Buffer): number {
  let c = ~0
  for (const byte of buf) {
    c ^= byte
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1))
  }
  return ~c >>> 0
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([len, body, crc])
}

function png(shape: Shape, [r, g, b]: number[]): Buffer {
  const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE)
  for (let y = 0; y < SIZE; y++) {
    raw[y * (SIZE * 4 + 1)] = 0
    for (let x = 0; x < SIZE; x++) {
      // 4× supersampling for smooth edges
      let hits = 0
      for (const [dx, dy] of [
        [0.25, 0.25],
        [0.75, 0.25],
        [0.25, 0.75],
        [0.75, 0.75],
      ])
        if (shape(x + dx, y + dy)) hits++
      const o = y * (SIZE * 4 + 1) + 1 + x * 4
      raw[o] = r
      raw[o + 1] = g
      raw[o + 2] = b
      raw[o + 3] = Math.round((hits / 4) * 255)
    }
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(SIZE, 0)
  header.writeUInt32BE(SIZE, 4)
  header[8] = 8
  header[9] = 6
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

for (const [name, shape] of Object.entries(SHAPES)) {
  writeFileSync(`src/assets/tabbar/${name}.png`, png(shape, [0x4a, 0x55, 0x68]))
  writeFileSync(`src/assets/tabbar/${name}-active.png`, png(shape, [0x1f, 0x5f, 0xbf]))
}
console.log('tab icons written to src/assets/tabbar')
