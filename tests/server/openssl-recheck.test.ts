import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { sm3Hex } from '../../server/capabilities/esign/signing/sm2'
import { type TestDb } from './helpers'
import { getBytes } from './pki-kit'
import { type SigningFixture, closeSigningApp, openSigningApp, signThroughTask } from './seal-test-app'

/**
 * README「在本机用 OpenSSL 复核」, run as written: every command of its block (the `curl`s replaced
 * by the same files from the app) with the system openssl and jq, on a fresh signature and receipt.
 */

const README = readFileSync(join(__dirname, '../../README.md'), 'utf8')

function readmeCommands(): string[] {
  const section = README.slice(README.indexOf('### 在本机用 OpenSSL 复核'))
  const block = /```sh\n([\s\S]*?)```/.exec(section)
  if (!block) throw new Error('README: no sh block under 在本机用 OpenSSL 复核')
  return block[1].split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'))
}

const sm2Support = spawnSync('openssl', ['dgst', '-sm3', '/dev/null'], { encoding: 'utf8' })
const jq = spawnSync('jq', ['--version'], { encoding: 'utf8' })
const SKIP =
  sm2Support.status !== 0
    ? 'this openssl has no SM3/SM2 (or is not installed)'
    : jq.status !== 0
      ? 'jq is not installed'
      : null
if (SKIP) console.log(`Skipping the README OpenSSL re-check: ${SKIP}`)
const withTools = SKIP ? it.skip : it

let testDb: TestDb
let app: FastifyInstance
let fx: SigningFixture
const DOCUMENT = Buffer.from('%PDF-1.7\n采购合同：甲方许昌瑞丰食品有限公司\n%%EOF')

beforeAll(async () => {
  ;({ testDb, app, fx } = await openSigningApp())
})
afterAll(() => closeSigningApp(app, testDb))

/** Runs the README's lines in order in `dir`; each must exit 0. Returns what each printed. */
function runAll(dir: string, lines: string[]): string[] {
  return lines.map((line) => {
    const run = spawnSync('sh', ['-c', line], { cwd: dir, encoding: 'utf8' })
    const output = `${run.stdout}${run.stderr}`
    if (run.status !== 0) throw new Error(`README command failed (${run.status}): ${line}\n${output}`)
    return output
  })
}

describe('README: 在本机用 OpenSSL 复核', () => {
  withTools('every command works on a fresh signature file and 验章回执, and says what the README says', async () => {
    const record = await signThroughTask(app, fx, DOCUMENT)
    const verified = await app.inject({
      method: 'POST',
      url: '/api/v1/seal-verifications',
      payload: { recordId: record.id, documentSm3: sm3Hex(DOCUMENT) },
    })
    const dir = mkdtempSync(join(tmpdir(), 'zqt-recheck-'))
    try {
      writeFileSync(join(dir, 'contract.pdf'), DOCUMENT)
      writeFileSync(join(dir, 'ca.pem'), await getBytes(app, '/api/v1/pki/ca'))
      writeFileSync(join(dir, 'crl.der'), await getBytes(app, '/api/v1/pki/crl/openssl'))
      writeFileSync(join(dir, 'sig.der'), await getBytes(app, `/api/v1/signature-records/${record.id}/ses-signature`))
      writeFileSync(join(dir, 'receipt.json'), JSON.stringify(verified.json().receipt, null, 2))

      const lines = readmeCommands()
      const fetched = lines.filter((line) => line.startsWith('curl '))
      expect(fetched).toHaveLength(3)
      const commands = lines.filter((line) => !line.startsWith('curl '))
      const output = runAll(dir, commands).join('\n')

      expect(output).toContain('IA5STRING         :ES')
      expect(output).toContain('CN=许昌瑞丰食品有限公司合同专用章')
      expect(output).toContain('signer.pem: OK')
      expect(output).toContain('Signature Verified Successfully')
      expect(output).toContain(`SM3(contract.pdf)= ${sm3Hex(DOCUMENT)}`)
      // The hash in TBS_Sign, as the -dump lines print it (two rows of 16 bytes after the 00 byte).
      const dumped = output.match(/^\s+00[0-9a-f]0 - ([0-9a-f -]+?)\s{2,}/gm)!.join('')
      expect(dumped.replace(/\s+00[0-9a-f]0 - /g, '').replace(/[\s-]/g, '')).toContain(sm3Hex(DOCUMENT))
      expect(output).toContain('receipt-cert.pem: OK')
      expect(output).toContain('Verified OK')
      expect(output).toContain('验章通过：签章真实有效，文件未被修改')

      // One byte of the receipt's payload changed: the same command refuses it.
      const payload = readFileSync(join(dir, 'receipt-payload.json'), 'utf8')
      writeFileSync(join(dir, 'receipt-payload.json'), payload.replace('"valid":true', '"valid":fals3'))
      const receiptCheck = commands.find((line) => line.startsWith('openssl dgst -sm3 -verify'))!
      const refused = spawnSync('sh', ['-c', receiptCheck], { cwd: dir, encoding: 'utf8' })
      expect(refused.status).not.toBe(0)
      expect(`${refused.stdout}${refused.stderr}`).toContain('Verification failure')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
