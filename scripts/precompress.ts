/**
 * Writes `<file>.br` and `<file>.gz` beside every text asset of an H5 build (default dist/h5), so
 * the server sends them as they are (@fastify/static `preCompressed`) instead of compressing on
 * each request or not at all. Brotli at its highest quality and gzip -9: done once per build, so
 * the slow settings cost nothing at serve time. A compressed copy that would not be smaller is not
 * written (the server then sends the original). Part of `npm run build:h5`.
 */
import { readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const COMPRESSIBLE = /\.(js|css|html|svg|json|txt|map)$/

export interface PrecompressResult {
  files: number
  rawBytes: number
  brotliBytes: number
  gzipBytes: number
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    return statSync(full).isDirectory() ? walk(full) : [full]
  })
}

function writeOrRemove(file: string, compressed: Buffer, rawSize: number): number {
  if (compressed.length < rawSize) {
    writeFileSync(file, compressed)
    return compressed.length
  }
  try {
    unlinkSync(file)
  } catch {
    // nothing stale to remove
  }
  return rawSize
}

export function precompress(dir: string): PrecompressResult {
  const result: PrecompressResult = { files: 0, rawBytes: 0, brotliBytes: 0, gzipBytes: 0 }
  for (const file of walk(dir)) {
    if (!COMPRESSIBLE.test(file)) continue
    const raw = readFileSync(file)
    result.files += 1
    result.rawBytes += raw.length
    const brotli = brotliCompressSync(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    })
    result.brotliBytes += writeOrRemove(`${file}.br`, brotli, raw.length)
    result.gzipBytes += writeOrRemove(`${file}.gz`, gzipSync(raw, { level: 9 }), raw.length)
  }
  return result
}

// Run directly (`npx tsx <this file>`), not imported.
if (path.resolve(process.argv[1] ?? '') === __filename) {
  const dir = path.resolve(process.argv[2] ?? 'dist/h5')
  const r = precompress(dir)
  const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`
  console.log(
    `precompressed ${r.files} files in ${path.relative(process.cwd(), dir) || dir}: ${kib(r.rawBytes)} → brotli ${kib(r.brotliBytes)}, gzip ${kib(r.gzipBytes)}`,
  )
}
