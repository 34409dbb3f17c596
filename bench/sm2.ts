/**
 * SM2 signatures and verifications per second (sm-crypto-v2, pure JavaScript, Z with the default
 * ID and SM3, as the server signs) beside Node's built-in ECDSA P-256 with SHA-256 (OpenSSL, native)
 * on the same to-be-signed bytes. It tells how many seal signatures one core can make, and what
 * the pure-JS SM2 costs against a native curve. Run alone: `npx tsx bench/sm2.ts`.
 */
import { generateKeyPairSync, sign, verify } from 'node:crypto'
import { sm2 } from 'sm-crypto-v2'
import { produceSignature } from '../server/signing/signature-record'
import { generateSm2KeyPair, sm2Sign, sm2Verify } from '../server/signing/sm2'

export interface Sm2BenchResult {
  tbsBytes: number
  sm2SignPerSecond: number
  /** With the key's window table cached (the server's path for a key it has seen). */
  sm2VerifyPerSecond: number
  /** A key seen for the first time (no table): the library's plain path. */
  sm2VerifyColdPerSecond: number
  p256SignPerSecond: number
  p256VerifyPerSecond: number
  /** P-256 rate ÷ SM2 rate: how many times faster the native curve is. */
  signRatio: number
  verifyRatio: number
}

/** Runs `fn` repeatedly for about `ms` milliseconds (after a warm-up); operations per second. */
function rate(fn: () => unknown, ms: number): number {
  for (let i = 0; i < 20; i++) fn()
  let count = 0
  const start = process.hrtime.bigint()
  const budget = BigInt(ms) * 1_000_000n
  let elapsed = 0n
  while (elapsed < budget) {
    for (let i = 0; i < 10; i++) fn()
    count += 10
    elapsed = process.hrtime.bigint() - start
  }
  return count / (Number(elapsed) / 1e9)
}

export async function benchSm2(
  log: (line: string) => void = console.log,
  msPerMeasure = 1500,
): Promise<Sm2BenchResult> {
  const keys = generateSm2KeyPair()
  // A realistic TBS: what a contract-seal signature signs.
  const { tbsBytes } = produceSignature({
    eseal: {
      id: '6f1c2f8e-3b7a-4a55-9a7e-0c3c1d2e4f50',
      kind: 'seal',
      type: 'contract',
      name: '许昌瑞丰食品有限公司合同专用章',
      holder: '91411002MA3X7R2K5U',
      validFrom: '2025-03-01T00:00:00.000Z',
      validTo: '2028-03-01T00:00:00.000Z',
    },
    keys,
    signedAt: new Date('2025-03-02T08:00:00.123Z'),
    documentSm3: 'b'.repeat(64),
    taskId: 'c0a80101-0000-4000-8000-000000000001',
    documentName: '采购合同（2025）第 3 号',
    enterpriseUscc: '91411002MA3X7R2K5U',
    requestedBy: '许昌市合同管理平台',
    signer: { userId: 'u1', name: '王磊', basis: 'grant', grantId: 'g1', confirmedBy: 'pin' },
  })
  const sm2Signature = sm2Sign(tbsBytes, keys)
  if (!sm2Verify(tbsBytes, sm2Signature, keys.publicKeyHex)) throw new Error('SM2 self-check failed')

  const p256 = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
  const p256Signature = sign('sha256', tbsBytes, p256.privateKey)
  if (!verify('sha256', tbsBytes, p256.publicKey, p256Signature)) throw new Error('P-256 self-check failed')

  const sm2SignPerSecond = rate(() => sm2Sign(tbsBytes, keys), msPerMeasure)
  const sm2VerifyPerSecond = rate(() => sm2Verify(tbsBytes, sm2Signature, keys.publicKeyHex), msPerMeasure)
  const signatureHex = sm2Signature.toString('hex')
  const sm2VerifyColdPerSecond = rate(
    () => sm2.doVerifySignature(new Uint8Array(tbsBytes), signatureHex, keys.publicKeyHex, { hash: true, der: true }),
    msPerMeasure,
  )
  const p256SignPerSecond = rate(() => sign('sha256', tbsBytes, p256.privateKey), msPerMeasure)
  const p256VerifyPerSecond = rate(() => verify('sha256', tbsBytes, p256.publicKey, p256Signature), msPerMeasure)

  const result: Sm2BenchResult = {
    tbsBytes: tbsBytes.length,
    sm2SignPerSecond,
    sm2VerifyPerSecond,
    sm2VerifyColdPerSecond,
    p256SignPerSecond,
    p256VerifyPerSecond,
    signRatio: p256SignPerSecond / sm2SignPerSecond,
    verifyRatio: p256VerifyPerSecond / sm2VerifyPerSecond,
  }
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US').padStart(8)
  log(`  to-be-signed: ${result.tbsBytes} bytes (canonical TBS_Sign of a contract-seal signature)`)
  log(`                         sign/s   verify/s`)
  log(`  SM2+SM3 (sm-crypto-v2) ${fmt(sm2SignPerSecond)} ${fmt(sm2VerifyPerSecond)}  (key table cached)`)
  log(`  SM2 verify, new key             ${fmt(sm2VerifyColdPerSecond)}  (no table: first sight of a key)`)
  log(`  ECDSA P-256 (node)     ${fmt(p256SignPerSecond)} ${fmt(p256VerifyPerSecond)}`)
  log(
    `  P-256 ÷ SM2            ${result.signRatio.toFixed(1).padStart(7)}× ${result.verifyRatio.toFixed(1).padStart(7)}×`,
  )
  return result
}

if (process.argv[1] !== undefined && /bench[\\/]sm2\.ts$/.test(process.argv[1])) {
  benchSm2().catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
