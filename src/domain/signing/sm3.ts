/**
 * SM3 (GB/T 32905-2016), for hashing a chosen file on the phone before 验章. Written on 32-bit
 * integers because the library the server uses (sm-crypto-v2) needs BigInt, which iOS 12's
 * JavaScriptCore — the mini-programs' logic layer on those phones — does not have.
 */

const IV = [0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e]

function rotl(x: number, n: number): number {
  const s = n % 32
  return s === 0 ? x : ((x << s) | (x >>> (32 - s))) >>> 0
}

const p0 = (x: number) => (x ^ rotl(x, 9) ^ rotl(x, 17)) >>> 0
const p1 = (x: number) => (x ^ rotl(x, 15) ^ rotl(x, 23)) >>> 0

/** The round constants T_j rotated by j, computed once. */
const T_ROTATED: number[] = []
for (let j = 0; j < 64; j++) T_ROTATED.push(rotl(j < 16 ? 0x79cc4519 : 0x7a879d8a, j))

const w = new Array<number>(68)
const w1 = new Array<number>(64)

function compress(v: number[], block: Uint8Array, offset: number): void {
  for (let i = 0; i < 16; i++) {
    const at = offset + i * 4
    w[i] = ((block[at] << 24) | (block[at + 1] << 16) | (block[at + 2] << 8) | block[at + 3]) >>> 0
  }
  for (let j = 16; j < 68; j++) {
    w[j] = (p1(w[j - 16] ^ w[j - 9] ^ rotl(w[j - 3], 15)) ^ rotl(w[j - 13], 7) ^ w[j - 6]) >>> 0
  }
  for (let j = 0; j < 64; j++) w1[j] = (w[j] ^ w[j + 4]) >>> 0
  let [a, b, c, d, e, f, g, h] = v
  for (let j = 0; j < 64; j++) {
    const a12 = rotl(a, 12)
    const ss1 = rotl((a12 + e + T_ROTATED[j]) >>> 0, 7)
    const ss2 = (ss1 ^ a12) >>> 0
    const ff = j < 16 ? a ^ b ^ c : (a & b) | (a & c) | (b & c)
    const gg = j < 16 ? e ^ f ^ g : (e & f) | (~e & g)
    const tt1 = ((ff >>> 0) + d + ss2 + w1[j]) >>> 0
    const tt2 = ((gg >>> 0) + h + ss1 + w[j]) >>> 0
    d = c
    c = rotl(b, 9)
    b = a
    a = tt1
    h = g
    g = rotl(f, 19)
    f = e
    e = p0(tt2)
  }
  const next = [a, b, c, d, e, f, g, h]
  for (let i = 0; i < 8; i++) v[i] = (v[i] ^ next[i]) >>> 0
}

/** SM3 of the bytes, as 64 lower-case hex characters. */
export function sm3HexOf(bytes: Uint8Array): string {
  const v = IV.slice()
  const whole = bytes.length - (bytes.length % 64)
  for (let offset = 0; offset < whole; offset += 64) compress(v, bytes, offset)
  // The tail: the rest, 0x80, zeros, and the length in bits as 64-bit big-endian.
  const rest = bytes.length - whole
  const tail = new Uint8Array(rest < 56 ? 64 : 128)
  tail.set(bytes.subarray(whole))
  tail[rest] = 0x80
  const bitsHigh = Math.floor(bytes.length / 0x20000000)
  const bitsLow = (bytes.length * 8) >>> 0
  const end = tail.length
  for (let i = 0; i < 4; i++) {
    tail[end - 8 + i] = (bitsHigh >>> (24 - i * 8)) & 0xff
    tail[end - 4 + i] = (bitsLow >>> (24 - i * 8)) & 0xff
  }
  for (let offset = 0; offset < tail.length; offset += 64) compress(v, tail, offset)
  return v.map((word) => `0000000${word.toString(16)}`.slice(-8)).join('')
}
