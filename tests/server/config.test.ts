import { generateKeyPairSync } from 'node:crypto'
import { buildApp } from '../../server/app'
import { AlipayLoginClient } from '../../server/kernel/auth/providers/alipay'
import { buildLoginProviders } from '../../server/kernel/auth/providers/default-providers'
import { SandboxLoginProvider } from '../../server/kernel/auth/providers/sandbox'
import { WechatLoginClient } from '../../server/kernel/auth/providers/wechat'
import { ConfigError, environmentOf, loadConfig, MIN_SECRET_LENGTH } from '../../server/kernel/config'
import type { Db } from '../../server/kernel/db/db'
// For the cookie stub that app.inject needs under jest.
import './helpers'
import { PRODUCTION_SECRETS, productionConfig } from './production-env'

/** buildApp must refuse before it touches the database, so a dummy is enough. */
const unusedDb = { kind: 'pglite' } as Db

describe('loadConfig', () => {
  it('has the documented defaults (development, no sandbox)', () => {
    const config = loadConfig({ NODE_ENV: 'development' })
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 10086,
      nodeEnv: 'development',
      sandbox: false,
      apiDocs: true,
      sessionTtlHours: 168,
      dataDir: '.data/pglite',
      staticDir: 'dist/h5',
      wechat: { apiBase: 'https://api.weixin.qq.com' },
      alipay: { gateway: 'https://openapi.alipay.com/gateway.do' },
    })
    expect(config.databaseUrl).toBeUndefined()
    expect(config.adminApiKey).toBeUndefined()
  })

  it('runs production rules unless NODE_ENV is exactly development or test, in any case', () => {
    expect(environmentOf('development')).toBe('development')
    expect(environmentOf('Development')).toBe('development')
    expect(environmentOf(' TEST ')).toBe('test')
    for (const raw of [undefined, '', 'production', 'Production', 'staging', 'dev', 'testing']) {
      expect(environmentOf(raw)).toBe('production')
    }
  })

  it('refuses to start with NODE_ENV unset, empty, Production or staging and no secrets', () => {
    for (const env of [{}, { NODE_ENV: '' }, { NODE_ENV: 'Production' }, { NODE_ENV: 'staging' }]) {
      expect(() => loadConfig(env)).toThrow(/Refusing to start under production rules/)
      expect(loadConfig({ ...env, ...PRODUCTION_SECRETS })).toMatchObject({ nodeEnv: 'production', sandbox: false })
    }
  })

  it('refuses production without each required secret', () => {
    for (const key of Object.keys(PRODUCTION_SECRETS)) {
      const env: Record<string, string> = { NODE_ENV: 'production', ...PRODUCTION_SECRETS }
      delete env[key]
      expect(() => loadConfig(env)).toThrow(new RegExp(`${key} must be set`))
    }
  })

  it('refuses production on an in-memory database, and accepts it on disk or on PostgreSQL', () => {
    const env = { NODE_ENV: 'production', ...PRODUCTION_SECRETS }
    for (const dataDir of ['memory://', 'memory://zqt']) {
      expect(() => loadConfig({ ...env, DATA_DIR: dataDir })).toThrow(/DATA_DIR must be a directory on disk/)
    }
    expect(loadConfig({ ...env, DATA_DIR: '/var/lib/zqt/pglite' }).dataDir).toBe('/var/lib/zqt/pglite')
    expect(loadConfig({ ...env, DATA_DIR: 'memory://', DATABASE_URL: 'postgres://db/zqt' }).databaseUrl).toBe(
      'postgres://db/zqt',
    )
    expect(loadConfig({ NODE_ENV: 'development', DATA_DIR: 'memory://' }).dataDir).toBe('memory://')
  })

  it(`refuses production with an ADMIN_API_KEY or ID_HASH_SECRET under ${MIN_SECRET_LENGTH} characters`, () => {
    const short = 'x'.repeat(MIN_SECRET_LENGTH - 1)
    const env = { NODE_ENV: 'production', ...PRODUCTION_SECRETS }
    expect(() => loadConfig({ ...env, ADMIN_API_KEY: short })).toThrow(/ADMIN_API_KEY must be set, at least 32/)
    expect(() => loadConfig({ ...env, ID_HASH_SECRET: short })).toThrow(/ID_HASH_SECRET must be set, at least 32/)
    expect(loadConfig({ ...env, ADMIN_API_KEY: 'x'.repeat(MIN_SECRET_LENGTH) }).adminApiKey).toHaveLength(32)
  })

  it('enables the sandbox only with SANDBOX=1, development included', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).sandbox).toBe(false)
    expect(loadConfig({ NODE_ENV: 'Development', SANDBOX: '1' }).sandbox).toBe(true)
    expect(loadConfig({ NODE_ENV: 'test' }).sandbox).toBe(false)
    expect(loadConfig({ NODE_ENV: 'test', SANDBOX: '1' }).sandbox).toBe(true)
    expect(loadConfig({ NODE_ENV: 'production', ...PRODUCTION_SECRETS }).sandbox).toBe(false)
    expect(loadConfig({ NODE_ENV: 'production', ...PRODUCTION_SECRETS, SANDBOX: '0' }).sandbox).toBe(false)
    expect(() => loadConfig({ NODE_ENV: 'development', SANDBOX: 'maybe' })).toThrow(ConfigError)
  })

  it('refuses to start in production with SANDBOX=1, however NODE_ENV is spelt or left out', () => {
    for (const NODE_ENV of ['production', 'PRODUCTION', 'staging', undefined]) {
      expect(() => loadConfig({ NODE_ENV, SANDBOX: '1', ...PRODUCTION_SECRETS })).toThrow(
        /SANDBOX=1 is not allowed with NODE_ENV=production/,
      )
    }
  })

  it('serves the API docs in production only with API_DOCS=1', () => {
    expect(loadConfig({ NODE_ENV: 'production', ...PRODUCTION_SECRETS }).apiDocs).toBe(false)
    expect(loadConfig({ NODE_ENV: 'production', ...PRODUCTION_SECRETS, API_DOCS: '1' }).apiDocs).toBe(true)
    expect(loadConfig({ NODE_ENV: 'test' }).apiDocs).toBe(true)
  })

  it('rejects nonsense numbers', () => {
    expect(() => loadConfig({ NODE_ENV: 'development', PORT: 'abc' })).toThrow(/PORT/)
    expect(() => loadConfig({ NODE_ENV: 'development', PORT: '70000' })).toThrow(/PORT/)
    expect(() => loadConfig({ NODE_ENV: 'development', SESSION_TTL_HOURS: '-1' })).toThrow(/SESSION_TTL_HOURS/)
  })

  it('reads the rest from the environment', () => {
    const config = loadConfig({
      ...PRODUCTION_SECRETS,
      NODE_ENV: 'production',
      HOST: '0.0.0.0',
      PORT: '8080',
      DATABASE_URL: 'postgres://u@h/db',
      SESSION_TTL_HOURS: '12',
      WECHAT_APPID: 'wx1',
      WECHAT_SECRET: 's',
      WECHAT_API_BASE: 'http://127.0.0.1:1',
      ALIPAY_GATEWAY: 'http://127.0.0.1:2/gateway.do',
    })
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 8080,
      databaseUrl: 'postgres://u@h/db',
      adminApiKey: PRODUCTION_SECRETS.ADMIN_API_KEY,
      sessionTtlHours: 12,
      wechat: { appId: 'wx1', secret: 's', apiBase: 'http://127.0.0.1:1' },
      alipay: { gateway: 'http://127.0.0.1:2/gateway.do' },
    })
  })
})

describe('buildApp', () => {
  const production = () => productionConfig()

  it('refuses a production config with the sandbox on, however it was built', () => {
    expect(() => buildApp({ db: unusedDb, config: { ...production(), sandbox: true } })).toThrow(ConfigError)
  })

  it('refuses a production config without its secrets, however it was built', () => {
    expect(() => buildApp({ db: unusedDb, config: { ...production(), adminApiKey: 'short' } })).toThrow(/ADMIN_API_KEY/)
    const noKey = { ...production(), signing: { ...production().signing, sealMasterKey: undefined } }
    expect(() => buildApp({ db: unusedDb, config: noKey })).toThrow(/SEAL_MASTER_KEY/)
  })

  it('does not offer the sandbox login provider when the sandbox is off', async () => {
    const app = buildApp({ db: unusedDb, config: production() })
    await app.ready()
    expect(app.loginProviders.h5).toBeUndefined()
    await app.close()
  })

  it('answers /api/docs in production only with API_DOCS=1', async () => {
    const closed = buildApp({ db: unusedDb, config: production() })
    expect((await closed.inject('/api/docs/json')).statusCode).toBe(404)
    expect((await closed.inject('/api/docs/')).statusCode).toBe(404)
    await closed.close()
    const open = buildApp({ db: unusedDb, config: productionConfig({ API_DOCS: '1' }) })
    expect((await open.inject('/api/docs/json')).statusCode).toBe(200)
    await open.close()
  })
})

describe('buildLoginProviders', () => {
  it('offers a platform only when its credentials are configured', () => {
    expect(buildLoginProviders(loadConfig({ NODE_ENV: 'production', ...PRODUCTION_SECRETS }))).toEqual({})
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 })
    const providers = buildLoginProviders(
      loadConfig({
        NODE_ENV: 'test',
        SANDBOX: '1',
        WECHAT_APPID: 'wx1',
        WECHAT_SECRET: 's',
        ALIPAY_APPID: '2021',
        ALIPAY_PRIVATE_KEY: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
        ALIPAY_PUBLIC_KEY: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
      }),
    )
    expect(providers.weapp).toBeInstanceOf(WechatLoginClient)
    expect(providers.alipay).toBeInstanceOf(AlipayLoginClient)
    expect(providers.h5).toBeInstanceOf(SandboxLoginProvider)
  })
})
