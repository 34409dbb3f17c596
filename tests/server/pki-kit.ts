import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'

/** Runs openssl in a scratch directory holding `files`; stdout and stderr together. */
export function openssl(
  args: string[],
  files: Record<string, Buffer | string>,
): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'zqt-pki-'))
  try {
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content)
    const run = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' })
    return { status: run.status, output: `${run.stdout}${run.stderr}` }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function getBytes(app: FastifyInstance, url: string): Promise<Buffer> {
  const response = await app.inject({ method: 'GET', url })
  if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`)
  return response.rawPayload
}
