import { DEFAULT_SIGN_QR_HOST, isSignQrHost } from '../../src/domain/signing/signTicket'
import {
  complaintRulesProblems,
  DEFAULT_COMPLAINT_RULES,
  type ComplaintRules,
} from '../../src/domain/complaints/categories'

/**
 * Server configuration, read once from the environment. Secrets stay here and in the
 * provider clients; nothing else reads process.env.
 */
export interface Config {
  host: string
  port: number
  databaseUrl?: string
  /** PGlite data directory ('memory://' for in-memory). */
  dataDir: string
  /** NODE_ENV read fail-closed: see environmentOf. */
  nodeEnv: Environment
  /** SANDBOX=1: sandbox login and sandbox face verification (H5 development, tests). Never in production. */
  sandbox: boolean
  /** ADMIN_API_KEY: bearer key of the admin routes; production requires one of MIN_SECRET_LENGTH or more. */
  adminApiKey?: string
  /** The OpenAPI UI and JSON at /api/docs: always off production, with API_DOCS=1 in production. */
  apiDocs: boolean
  sessionTtlHours: number
  /** Timeout for calls to WeChat/Alipay. */
  providerTimeoutMs: number
  /**
   * How many reverse proxies stand in front (0: none). With n, the client address is the n-th
   * X-Forwarded-For entry from the right — the one our own proxy appended — so per-IP rate limits
   * count users, not the proxy, and a client cannot pick its own address by sending the header.
   */
  trustProxyHops: number
  wechat: {
    appId?: string
    secret?: string
    apiBase: string
    /** subscribe/send: which version of the mini-program a tapped message opens (default formal). */
    miniprogramState?: 'formal' | 'trial' | 'developer'
  }
  alipay: { appId?: string; privateKey?: string; publicKey?: string; gateway: string }
  staticDir: string
  reminders: {
    /** The daily run inside the server (off in tests; on-demand runs work either way). */
    enabled: boolean
    /** 'HH:MM', China time. */
    time: string
  }
  /** Subscribe-message template ids of the licence reminder, as registered on each platform. */
  subscribeTemplates: { weapp: string; alipay: string }
  /** Subscribe-message template ids of the 新政策 notice (purpose 'policy'), per platform. */
  policySubscribeTemplates: { weapp: string; alipay: string }
  /** Subscribe-message template ids of the 诉求进展 notice (purpose 'complaint'), per platform. */
  complaintSubscribeTemplates: { weapp: string; alipay: string }
  /** Subscribe-message template ids of 用章报告 and 用章提醒 notices to the legal representative (purpose 'seal'). */
  sealSubscribeTemplates: { weapp: string; alipay: string }
  /** Subscribe-message template ids of 合规提醒 (年报、纳税申报、信用修复、政策申报、诉求; purpose 'compliance'). */
  complianceSubscribeTemplates: { weapp: string; alipay: string }
  /** The daily compliance-reminders job inside the server (off in tests; `npm run jobs` works either way). */
  complianceReminders: { enabled: boolean }
  /** 电子印章 / 电子签名: secrets and the sign-ticket QR. */
  signing: {
    /** SEAL_MASTER_KEY, base64 of 32 bytes: encrypts seal and signature private keys. Required in production. */
    sealMasterKey?: string
    /** ID_HASH_SECRET: HMAC key of stored ID-number hashes. Required in production. */
    idHashSecret?: string
    /** SIGN_QR_HOSTS (comma-separated): the first builds QR codes, every one is recognised. */
    qrHosts: string[]
    /** The periodic expiry sweep of sign tasks (which sends their callbacks); off in tests. */
    sweepEnabled: boolean
    /**
     * CALLBACK_ALLOW_PRIVATE=1: sign-task callbacks may use plain http and reach loopback or
     * private addresses — for a receiver on the developer's machine or in tests only; refused in
     * production, where a callback reaching inside is the attack (issue #10).
     */
    callbackAllowPrivate: boolean
  }
  /**
   * 惠企政策: POLICY_PUSH_NEAR=1 also pushes a new policy to 差一点 enterprises, not only 可申报.
   * digestEnabled: the weekly digest run inside the server (off in tests); digestTime: 'HH:MM'
   * China time on Mondays.
   */
  policies: { pushNear: boolean; digestEnabled?: boolean; digestTime?: string }
  /**
   * The seal CA and timestamp service (server/capabilities/esign/pki/pki-keys.ts): certificates base64 DER or PEM, keys
   * as key-vault envelopes under SEAL_MASTER_KEY. Required in production; generated in development.
   */
  pki?: { caCertificate?: string; caKey?: string; tsaCertificate?: string; tsaKey?: string; crlUrl?: string }
  /** 刷脸 (face verification) settings beyond the platform credentials above. */
  face: {
    /** Alipay certify merchant_config.return_url (required by the API; mini-programs ignore it). */
    alipayReturnUrl: string
  }
  /**
   * PUBLIC_BASE_URL: the origin users reach this server at, for links handed out of the app (the
   * calendar subscription feed). Production accepts only https; unset there, those links are not
   * offered (fail closed). Unset elsewhere: http://HOST:PORT.
   */
  publicBaseUrl?: string
  /**
   * 有诉即办: the city's complaint categories, their time limits and the 回访 limits
   * (COMPLAINT_RULES, JSON of src/domain/complaints/categories.ts's ComplaintRules); the defaults
   * there when unset. A new case keeps the limits in force when it is submitted.
   */
  complaintRules: ComplaintRules
}

export class ConfigError extends Error {
  readonly name = 'ConfigError'
}

export type Environment = 'development' | 'test' | 'production'

/**
 * Fail closed: only an explicit `development` or `test` (any case) relaxes anything. Unset, empty,
 * `staging`, a typo — all run under production rules, because an unset NODE_ENV on a real server
 * must not switch on the sandbox or the development secrets.
 */
export function environmentOf(raw: string | undefined): Environment {
  const value = raw?.trim().toLowerCase()
  return value === 'development' || value === 'test' ? value : 'production'
}

/** Shortest ADMIN_API_KEY and ID_HASH_SECRET production accepts (`openssl rand -base64 32` gives 44). */
export const MIN_SECRET_LENGTH = 32

type Env = Record<string, string | undefined>

function optional(env: Env, key: string): string | undefined {
  const value = env[key]?.trim()
  return value ? value : undefined
}

function positiveNumber(env: Env, key: string, fallback: number): number {
  const raw = optional(env, key)
  if (raw === undefined) return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value <= 0) throw new ConfigError(`${key} must be a positive number, got "${raw}"`)
  return value
}

/** True unless the config says development or test: anything else gets production rules. */
export function isProduction(config: Pick<Config, 'nodeEnv'>): boolean {
  return config.nodeEnv !== 'development' && config.nodeEnv !== 'test'
}

/**
 * What production refuses to start without. The sandbox stands in for WeChat/Alipay login and face
 * verification: there it would let anyone log in as anyone. Without SEAL_MASTER_KEY and
 * ID_HASH_SECRET the development stand-ins (public, in this repository) would encrypt private keys
 * and key the ID-number, phone and query-code HMACs; a short admin key can be guessed.
 */
export function assertSafeConfig(config: Pick<Config, 'nodeEnv' | 'sandbox' | 'adminApiKey' | 'signing'>): void {
  if (!isProduction(config)) return
  const problems: string[] = []
  if (config.sandbox) problems.push('SANDBOX=1 is not allowed with NODE_ENV=production')
  if (!config.signing.sealMasterKey) problems.push('SEAL_MASTER_KEY must be set (openssl rand -base64 32)')
  if ((config.signing.idHashSecret?.length ?? 0) < MIN_SECRET_LENGTH) {
    problems.push(`ID_HASH_SECRET must be set, at least ${MIN_SECRET_LENGTH} characters`)
  }
  if ((config.adminApiKey?.length ?? 0) < MIN_SECRET_LENGTH) {
    problems.push(`ADMIN_API_KEY must be set, at least ${MIN_SECRET_LENGTH} characters`)
  }
  if (problems.length > 0) {
    throw new ConfigError(
      `Refusing to start under production rules (NODE_ENV is not development or test): ${problems.join('; ')}`,
    )
  }
}

function proxyHops(env: Env): number {
  const raw = optional(env, 'TRUST_PROXY') ?? '0'
  if (!/^\d$/.test(raw)) throw new ConfigError(`TRUST_PROXY must be the number of proxies in front (0–9), got "${raw}"`)
  return Number(raw)
}

function flag(env: Env, key: string, fallback: boolean): boolean {
  const raw = optional(env, key)
  if (raw === undefined) return fallback
  if (/^(1|true|on|yes)$/i.test(raw)) return true
  if (/^(0|false|off|no)$/i.test(raw)) return false
  throw new ConfigError(`${key} must be 1 or 0, got "${raw}"`)
}

function callbackAllowPrivate(env: Env, nodeEnv: string): boolean {
  const allowed = flag(env, 'CALLBACK_ALLOW_PRIVATE', false)
  if (allowed && nodeEnv === 'production') {
    throw new ConfigError('Refusing to start: CALLBACK_ALLOW_PRIVATE=1 is not allowed with NODE_ENV=production')
  }
  return allowed
}

function clockTime(env: Env, key: string, fallback: string): string {
  const raw = optional(env, key) ?? fallback
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(raw)) throw new ConfigError(`${key} must be HH:MM (China time), got "${raw}"`)
  return raw
}

/** A base64 key of exactly `bytes` bytes, or undefined when unset. */
function base64Key(env: Env, key: string, bytes: number): string | undefined {
  const raw = optional(env, key)
  if (raw === undefined) return undefined
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(raw) || Buffer.from(raw, 'base64').length !== bytes) {
    throw new ConfigError(`${key} must be ${bytes} random bytes in base64 (openssl rand -base64 ${bytes})`)
  }
  return raw
}

function publicBaseUrl(env: Env, production: boolean): string | undefined {
  const raw = optional(env, 'PUBLIC_BASE_URL')
  if (raw === undefined) return undefined
  let url: URL | null = null
  try {
    url = new URL(raw)
  } catch {
    url = null
  }
  const scheme = production ? 'https:' : /^https?:$/
  const schemeOk = url !== null && (typeof scheme === 'string' ? url.protocol === scheme : scheme.test(url.protocol))
  if (!url || !schemeOk || url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
    throw new ConfigError(
      `PUBLIC_BASE_URL must be an origin (${production ? 'https' : 'http or https'}, no path or query), got "${raw}"`,
    )
  }
  return url.origin
}

function qrHosts(env: Env): string[] {
  const hosts = (optional(env, 'SIGN_QR_HOSTS') ?? DEFAULT_SIGN_QR_HOST).split(',').map((h) => h.trim().toLowerCase())
  const bad = hosts.find((host) => !isSignQrHost(host))
  if (bad !== undefined) throw new ConfigError(`SIGN_QR_HOSTS must be host names (host[:port]), got "${bad}"`)
  return hosts
}

const MINIPROGRAM_STATES = ['formal', 'trial', 'developer'] as const

function miniprogramState(env: Env): NonNullable<Config['wechat']['miniprogramState']> {
  const raw = optional(env, 'WECHAT_MINIPROGRAM_STATE') ?? 'formal'
  const state = MINIPROGRAM_STATES.find((candidate) => candidate === raw)
  if (!state) throw new ConfigError(`WECHAT_MINIPROGRAM_STATE must be formal, trial or developer, got "${raw}"`)
  return state
}

/**
 * COMPLAINT_RULES: `{"categories":[{"code":"complaint","name":"投诉","timeLimitWorkingDays":13},…],
 * "returnVisit":{"callBackWorkingDays":1,"rectifyWorkingDays":15}}`. A table the domain finds any
 * problem with stops the start with every problem listed: a case must never get a limit nobody set.
 */
function complaintRules(env: Env): ComplaintRules {
  const raw = optional(env, 'COMPLAINT_RULES')
  if (raw === undefined) return DEFAULT_COMPLAINT_RULES
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    throw new ConfigError('COMPLAINT_RULES must be JSON: {"categories":[…],"returnVisit":{…}}')
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError('COMPLAINT_RULES must be a JSON object: {"categories":[…],"returnVisit":{…}}')
  }
  const rules = parsed as ComplaintRules
  const unknownKey = Object.keys(rules).find((key) => key !== 'categories' && key !== 'returnVisit')
  const problems = complaintRulesProblems(rules)
  if (unknownKey !== undefined) problems.push(`未知的配置项：${unknownKey}`)
  if (problems.length > 0) throw new ConfigError(`COMPLAINT_RULES is not usable: ${problems.join('；')}`)
  return {
    categories: rules.categories.map(({ code, name, timeLimitWorkingDays }) => ({
      code,
      name: name.trim(),
      timeLimitWorkingDays,
    })),
    returnVisit: {
      callBackWorkingDays: rules.returnVisit.callBackWorkingDays,
      rectifyWorkingDays: rules.returnVisit.rectifyWorkingDays,
    },
  }
}

export function loadConfig(env: Env = process.env): Config {
  const nodeEnv = environmentOf(env.NODE_ENV)
  const production = nodeEnv === 'production'
  const port = positiveNumber(env, 'PORT', 10086)
  if (!Number.isInteger(port) || port > 65535) throw new ConfigError(`PORT must be a TCP port, got "${env.PORT}"`)
  const config: Config = {
    host: optional(env, 'HOST') ?? '127.0.0.1',
    port,
    databaseUrl: optional(env, 'DATABASE_URL'),
    dataDir: optional(env, 'DATA_DIR') ?? '.data/pglite',
    nodeEnv,
    sandbox: flag(env, 'SANDBOX', false),
    adminApiKey: optional(env, 'ADMIN_API_KEY'),
    apiDocs: flag(env, 'API_DOCS', !production),
    sessionTtlHours: positiveNumber(env, 'SESSION_TTL_HOURS', 168),
    providerTimeoutMs: positiveNumber(env, 'PROVIDER_TIMEOUT_MS', 5000),
    trustProxyHops: proxyHops(env),
    wechat: {
      appId: optional(env, 'WECHAT_APPID'),
      secret: optional(env, 'WECHAT_SECRET'),
      apiBase: optional(env, 'WECHAT_API_BASE') ?? 'https://api.weixin.qq.com',
      miniprogramState: miniprogramState(env),
    },
    alipay: {
      appId: optional(env, 'ALIPAY_APPID'),
      privateKey: optional(env, 'ALIPAY_PRIVATE_KEY'),
      publicKey: optional(env, 'ALIPAY_PUBLIC_KEY'),
      gateway: optional(env, 'ALIPAY_GATEWAY') ?? 'https://openapi.alipay.com/gateway.do',
    },
    staticDir: optional(env, 'STATIC_DIR') ?? 'dist/h5',
    reminders: {
      enabled: flag(env, 'REMINDERS_ENABLED', nodeEnv !== 'test'),
      time: clockTime(env, 'REMINDER_TIME', '08:30'),
    },
    // Development stand-ins: real ids come from each platform's console (订阅消息 / 模板消息).
    subscribeTemplates: {
      weapp: optional(env, 'WECHAT_TEMPLATE_LICENCE_REMINDER') ?? 'dev-weapp-licence-reminder',
      alipay: optional(env, 'ALIPAY_TEMPLATE_LICENCE_REMINDER') ?? 'dev-alipay-licence-reminder',
    },
    policySubscribeTemplates: {
      weapp: optional(env, 'WECHAT_TEMPLATE_POLICY_NOTICE') ?? 'dev-weapp-policy-notice',
      alipay: optional(env, 'ALIPAY_TEMPLATE_POLICY_NOTICE') ?? 'dev-alipay-policy-notice',
    },
    complaintSubscribeTemplates: {
      weapp: optional(env, 'WECHAT_TEMPLATE_COMPLAINT_PROGRESS') ?? 'dev-weapp-complaint-progress',
      alipay: optional(env, 'ALIPAY_TEMPLATE_COMPLAINT_PROGRESS') ?? 'dev-alipay-complaint-progress',
    },
    sealSubscribeTemplates: {
      weapp: optional(env, 'WECHAT_TEMPLATE_SEAL_OVERSIGHT') ?? 'dev-weapp-seal-oversight',
      alipay: optional(env, 'ALIPAY_TEMPLATE_SEAL_OVERSIGHT') ?? 'dev-alipay-seal-oversight',
    },
    complianceSubscribeTemplates: {
      weapp: optional(env, 'WECHAT_TEMPLATE_COMPLIANCE_REMINDER') ?? 'dev-weapp-compliance-reminder',
      alipay: optional(env, 'ALIPAY_TEMPLATE_COMPLIANCE_REMINDER') ?? 'dev-alipay-compliance-reminder',
    },
    complianceReminders: { enabled: flag(env, 'COMPLIANCE_REMINDERS_ENABLED', nodeEnv !== 'test') },
    signing: {
      sealMasterKey: base64Key(env, 'SEAL_MASTER_KEY', 32),
      idHashSecret: optional(env, 'ID_HASH_SECRET'),
      qrHosts: qrHosts(env),
      sweepEnabled: flag(env, 'SIGN_TASK_SWEEP_ENABLED', nodeEnv !== 'test'),
      callbackAllowPrivate: callbackAllowPrivate(env, nodeEnv),
    },
    policies: {
      pushNear: flag(env, 'POLICY_PUSH_NEAR', false),
      digestEnabled: flag(env, 'POLICY_DIGEST_ENABLED', nodeEnv !== 'test'),
      digestTime: clockTime(env, 'POLICY_DIGEST_TIME', '09:00'),
    },
    pki: {
      caCertificate: optional(env, 'SEAL_CA_CERT'),
      caKey: optional(env, 'SEAL_CA_KEY'),
      tsaCertificate: optional(env, 'TSA_CERT'),
      tsaKey: optional(env, 'TSA_KEY'),
      crlUrl: optional(env, 'PKI_CRL_URL'),
    },
    face: {
      alipayReturnUrl: optional(env, 'ALIPAY_CERTIFY_RETURN_URL') ?? 'https://zqt.example.gov.cn/face/return',
    },
    publicBaseUrl: publicBaseUrl(env, production),
    complaintRules: complaintRules(env),
  }
  assertSafeConfig(config)
  assertPkiConfigured(config)
  assertDurableDatabase(config)
  return config
}

/**
 * Production keeps its data: without DATABASE_URL it runs on PGlite in DATA_DIR, and an in-memory
 * PGlite (`memory://`) would lose every licence, seal and signature record on the next restart.
 */
function assertDurableDatabase(config: Config): void {
  if (!isProduction(config) || config.databaseUrl) return
  if (config.dataDir.trim() === '' || config.dataDir.startsWith('memory://')) {
    throw new ConfigError(
      'Refusing to start under production rules (NODE_ENV is not development or test): DATA_DIR must be a directory on disk, or DATABASE_URL set (memory:// loses everything on restart)',
    )
  }
}

/** Production signs with a real seal CA and timestamp service, never a generated development one. */
function assertPkiConfigured(config: Config): void {
  if (!isProduction(config)) return
  const missing = (
    [
      ['SEAL_CA_CERT', config.pki?.caCertificate],
      ['SEAL_CA_KEY', config.pki?.caKey],
      ['TSA_CERT', config.pki?.tsaCertificate],
      ['TSA_KEY', config.pki?.tsaKey],
    ] as const
  ).filter(([, value]) => value === undefined)
  if (missing.length > 0) {
    throw new ConfigError(
      `Refusing to start under production rules (NODE_ENV is not development or test): ${missing
        .map(([key]) => `${key} must be set (npx tsx server/capabilities/esign/pki/make-pki.ts, or a licensed CA's)`)
        .join('; ')}`,
    )
  }
}
