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
  nodeEnv: string
  /** Sandbox login (and later sandbox face verification) for H5 development and tests. */
  sandbox: boolean
  adminApiKey?: string
  sessionTtlHours: number
  /** Timeout for calls to WeChat/Alipay. */
  providerTimeoutMs: number
  wechat: { appId?: string; secret?: string; apiBase: string }
  alipay: { appId?: string; privateKey?: string; publicKey?: string; gateway: string }
  staticDir: string
}

export class ConfigError extends Error {
  readonly name = 'ConfigError'
}

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

/**
 * The sandbox stands in for WeChat/Alipay login and face verification; in production it would
 * let anyone log in as anyone, so it must be impossible to switch on there.
 */
export function assertSafeConfig(config: Pick<Config, 'nodeEnv' | 'sandbox'>): void {
  if (config.nodeEnv === 'production' && config.sandbox) {
    throw new ConfigError('Refusing to start: SANDBOX=1 is not allowed with NODE_ENV=production')
  }
}

export function loadConfig(env: Env = process.env): Config {
  const nodeEnv = optional(env, 'NODE_ENV') ?? 'development'
  const port = positiveNumber(env, 'PORT', 10086)
  if (!Number.isInteger(port) || port > 65535) throw new ConfigError(`PORT must be a TCP port, got "${env.PORT}"`)
  const config: Config = {
    host: optional(env, 'HOST') ?? '127.0.0.1',
    port,
    databaseUrl: optional(env, 'DATABASE_URL'),
    dataDir: optional(env, 'DATA_DIR') ?? '.data/pglite',
    nodeEnv,
    sandbox: optional(env, 'SANDBOX') === '1' || nodeEnv === 'development',
    adminApiKey: optional(env, 'ADMIN_API_KEY'),
    sessionTtlHours: positiveNumber(env, 'SESSION_TTL_HOURS', 168),
    providerTimeoutMs: positiveNumber(env, 'PROVIDER_TIMEOUT_MS', 5000),
    wechat: {
      appId: optional(env, 'WECHAT_APPID'),
      secret: optional(env, 'WECHAT_SECRET'),
      apiBase: optional(env, 'WECHAT_API_BASE') ?? 'https://api.weixin.qq.com',
    },
    alipay: {
      appId: optional(env, 'ALIPAY_APPID'),
      privateKey: optional(env, 'ALIPAY_PRIVATE_KEY'),
      publicKey: optional(env, 'ALIPAY_PUBLIC_KEY'),
      gateway: optional(env, 'ALIPAY_GATEWAY') ?? 'https://openapi.alipay.com/gateway.do',
    },
    staticDir: optional(env, 'STATIC_DIR') ?? 'dist/h5',
  }
  assertSafeConfig(config)
  return config
}
