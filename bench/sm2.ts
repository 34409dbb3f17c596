/**
 * SM2 signatures and verifications per second (sm-crypto-v2, pure JavaScript, Z with the default
 * ID and SM3, as the server signs) beside `openssl speed sm2` (native SM2, measured in the same
 * run, so both see the same machine load) and Node's built-in ECDSA P-256 with SHA-256, on the
 * same to-be-signed bytes; then the full public verification of a GB/T 38540 SES_Signature
 * (certificate chain, seal data, signature, timestamp). Run alone: `npx tsx bench/sm2.ts`.
 */
import { spawnSync } from 'node:child_process'
import { generateKeyPairSync, sign, verify } from 'node:crypto'
import { sm2 } from 'sm-crypto-v2'
import { generatePkiMaterial, openPki } from '../server/capabilities/esign/pki/pki-keys'
import { makeSesSeal, sealInfo, sesSignatureDer, tbsSignDer } from '../server/capabilities/esign/pki/ses'
import { verifySesSignature } from '../server/capabilities/esign/pki/ses-verify'
import { sm2VerifyEngine, sm2VerifyFast, sm2VerifyJavaScript } from '../server/capabilities/esign/pki/sm2-verify'
import { KeyVault } from '../server/kernel/secrets/key-vault'
import { produceSignature } from '../server/capabilities/esign/signing/signature-record'
import { generateSm2KeyPair, sm2Sign, sm2Verify, sm3Hex } from '../server/capabilities/esign/signing/sm2'

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
  /** The verifier's path (server/capabilities/esign/pki/sm2-verify.ts), key in constant use. */
  sm2VerifyFastPerSecond: number
  /** Which engine that path uses here: Node's OpenSSL, or sm-crypto-v2's arithmetic as fallback. */
  sm2VerifyEngine: 'openssl' | 'javascript'
  /** The verifier's path on keys it has never seen (key checked on the curve, Z computed). */
  sm2VerifyFastColdPerSecond: number
  /** The JavaScript fallback engine alone, key in constant use. */
  sm2VerifyJavaScriptPerSecond: number
  /** `openssl speed sm2` in this run; null without openssl. */
  opensslSignPerSecond: number | null
  opensslVerifyPerSecond: number | null
  /** Full SES_Signature verification: chain + seal + signature + timestamp. */
  fullVerifyPerSecond: number
}

/** `openssl speed -mr sm2`: "+F7:0:256:CurveSM2:<sign/s>:<verify/s>". */
function opensslSpeed(seconds: number): { sign: number; verify: number } | null {
  const run = spawnSync('openssl', ['speed', '-seconds', String(seconds), '-mr', 'sm2'], { encoding: 'utf8' })
  const match = /^\+F7:\d+:\d+:[^:]*:([\d.]+):([\d.]+)$/m.exec(run.stdout ?? '')
  return match ? { sign: Number(match[1]), verify: Number(match[2]) } : null
}

async function rateAsync(fn: () => Promise<unknown>, ms: number): Promise<number> {
  for (let i = 0; i < 20; i++) await fn()
  let count = 0
  const start = cpuMicros()
  let elapsed = 0
  while (elapsed < ms * 1000) {
    for (let i = 0; i < 10; i++) await fn()
    count += 10
    elapsed = cpuMicros() - start
  }
  return count / (elapsed / 1e6)
}

/**
 * CPU time of this process (user + system), µs. `openssl speed` divides by CPU time too (not wall
 * time, unless -elapsed), so on a machine shared with other work both figures are per CPU-second
 * and the ratio stays meaningful.
 */
function cpuMicros(): number {
  const { user, system } = process.cpuUsage()
  return user + system
}

/** A signed document as the public verifier receives it, from an in-memory CA and TSA. */
async function sesSample(keys: ReturnType<typeof generateSm2KeyPair>) {
  const vault = new KeyVault(Buffer.alloc(32, 3))
  const crlUrl = 'https://zqt.example.gov.cn/api/v1/pki/crl'
  const pki = openPki(vault, generatePkiMaterial(vault, crlUrl, 'bench'), crlUrl, Date.now, 'memory')
  const validFrom = new Date('2025-03-01T00:00:00.000Z')
  const validTo = new Date('2035-03-01T00:00:00.000Z')
  const certificate = await pki.ca.issue({
    holder: {
      kind: 'seal',
      enterpriseName: '许昌瑞丰食品有限公司',
      uscc: '91411002MA3X7R2K5U',
      sealName: '许昌瑞丰食品有限公司合同专用章',
      sealTypeLabel: '合同专用章',
    },
    publicKeyHex: keys.publicKeyHex,
    notBefore: validFrom,
    notAfter: validTo,
  })
  const esID = '6f1c2f8e-3b7a-4a55-9a7e-0c3c1d2e4f50'
  const seal = await makeSesSeal(
    sealInfo({
      esID,
      kind: 'seal',
      name: '许昌瑞丰食品有限公司合同专用章',
      certificateDer: certificate.der,
      createdAt: validFrom,
      validFrom,
      validTo,
      imageSvg:
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200"><circle cx="100" cy="100" r="95"/></svg>',
    }),
    pki.ca.certificateDer,
    (der) => pki.ca.signSealInfo(der),
  )
  const documentSm3 = 'b'.repeat(64)
  const tbsDer = tbsSignDer({ sesSealDer: seal, signedAt: new Date(), documentSm3, propertyInfo: { taskId: 'bench' } })
  const signature = sm2Sign(tbsDer, keys)
  const der = sesSignatureDer({
    tbsDer,
    signerCertificateDer: certificate.der,
    signature,
    timestampToken: await pki.tsa.timestamp(Buffer.from(sm3Hex(signature), 'hex')),
  })
  const trust = {
    caCertificateDer: pki.ca.certificateDer,
    caPublicKeyHex: pki.ca.publicKeyHex,
    tsaPublicKeyHex: pki.tsa.publicKeyHex,
  }
  const status = async () => ({ holder: { kind: 'seal' as const, id: esID }, revokedAt: null })
  return { der, documentSm3, trust, status }
}

/**
 * The verifier's path on `count` keys it has never seen, each verified once: what a public 验章 of
 * a seal nobody has checked lately costs. Keys and signatures are made before the clock starts.
 */
function firstSightRate(message: Uint8Array, count: number): number {
  const samples = Array.from({ length: count }, () => {
    const keys = generateSm2KeyPair()
    return { publicKeyHex: keys.publicKeyHex, signature: sm2Sign(message, keys) }
  })
  const start = cpuMicros()
  for (const { publicKeyHex, signature } of samples) {
    if (!sm2VerifyFast(message, signature, publicKeyHex)) throw new Error('SM2 first-sight self-check failed')
  }
  return count / ((cpuMicros() - start) / 1e6)
}

/** Runs `fn` repeatedly for about `ms` milliseconds of CPU time (after a warm-up); operations per CPU-second. */
function rate(fn: () => unknown, ms: number): number {
  for (let i = 0; i < 20; i++) fn()
  let count = 0
  const start = cpuMicros()
  let elapsed = 0
  while (elapsed < ms * 1000) {
    for (let i = 0; i < 10; i++) fn()
    count += 10
    elapsed = cpuMicros() - start
  }
  return count / (elapsed / 1e6)
}

export async function benchSm2(
  log: (line: string) => void = console.log,
  msPerMeasure = 1000,
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
  const sm2VerifyFastPerSecond = rate(() => sm2VerifyFast(tbsBytes, sm2Signature, keys.publicKeyHex), msPerMeasure)
  const sm2VerifyJavaScriptPerSecond = rate(
    () => sm2VerifyJavaScript(tbsBytes, sm2Signature, keys.publicKeyHex),
    msPerMeasure,
  )
  const sm2VerifyFastColdPerSecond = firstSightRate(tbsBytes, 64)

  const sample = await sesSample(keys)
  const full = await verifySesSignature(sample.der, sample.documentSm3, sample.trust, sample.status)
  if (!full.steps.every((step) => step.ok)) throw new Error(`SES self-check failed: ${JSON.stringify(full.steps)}`)
  const fullVerifyPerSecond = await rateAsync(
    () => verifySesSignature(sample.der, sample.documentSm3, sample.trust, sample.status),
    msPerMeasure,
  )
  const native = opensslSpeed(Math.max(1, Math.round(msPerMeasure / 1000)))

  const result: Sm2BenchResult = {
    tbsBytes: tbsBytes.length,
    sm2SignPerSecond,
    sm2VerifyPerSecond,
    sm2VerifyColdPerSecond,
    p256SignPerSecond,
    p256VerifyPerSecond,
    signRatio: p256SignPerSecond / sm2SignPerSecond,
    verifyRatio: p256VerifyPerSecond / sm2VerifyPerSecond,
    sm2VerifyFastPerSecond,
    sm2VerifyEngine: sm2VerifyEngine(),
    sm2VerifyFastColdPerSecond,
    sm2VerifyJavaScriptPerSecond,
    opensslSignPerSecond: native?.sign ?? null,
    opensslVerifyPerSecond: native?.verify ?? null,
    fullVerifyPerSecond,
  }
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US').padStart(8)
  log(`  to-be-signed: ${result.tbsBytes} bytes (canonical TBS_Sign of a contract-seal signature)`)
  log(`                         sign/s   verify/s   (per CPU-second, as openssl speed counts)`)
  log(`  SM2+SM3 (sm-crypto-v2) ${fmt(sm2SignPerSecond)} ${fmt(sm2VerifyPerSecond)}  (key table cached)`)
  log(`  SM2 verify, new key             ${fmt(sm2VerifyColdPerSecond)}  (no table: first sight of a key)`)
  log(`  ECDSA P-256 (node)     ${fmt(p256SignPerSecond)} ${fmt(p256VerifyPerSecond)}`)
  log(
    `  P-256 ÷ SM2            ${result.signRatio.toFixed(1).padStart(7)}× ${result.verifyRatio.toFixed(1).padStart(7)}×`,
  )
  log(
    `  SM2 verify, verifier's path     ${fmt(sm2VerifyFastPerSecond)}  (server/capabilities/esign/pki/sm2-verify.ts, key in use; engine: ${result.sm2VerifyEngine})`,
  )
  log(`  … same, new key                 ${fmt(sm2VerifyFastColdPerSecond)}  (first sight: curve check, Z)`)
  log(`  … JavaScript engine alone       ${fmt(sm2VerifyJavaScriptPerSecond)}  (the fallback, key in use)`)
  if (native) {
    log(`  openssl speed sm2      ${fmt(native.sign)} ${fmt(native.verify)}  (native, this run)`)
    const ratio = sm2VerifyFastPerSecond / native.verify
    log(
      `  SM2 verify ÷ OpenSSL            ${ratio.toFixed(2).padStart(7)}×  goal ≥ 0.50× ${ratio >= 0.5 ? 'met' : 'NOT met'}`,
    )
  } else {
    log('  openssl speed sm2: openssl not found, no native figure')
  }
  log(
    `  full 验章 (chain + seal + signature + timestamp) ${fmt(fullVerifyPerSecond)}/s  goal ≥ 200/s ${fullVerifyPerSecond >= 200 ? 'met' : 'NOT met'}`,
  )
  return result
}

if (process.argv[1] !== undefined && /bench[\\/]sm2\.ts$/.test(process.argv[1])) {
  benchSm2().catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
