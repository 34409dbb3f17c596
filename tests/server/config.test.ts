import { generateKeyPairSync } from 'node:crypto'
import { buildApp } from '../../server/app'
import { AlipayLoginClient } from '../../server/auth/providers/alipay'
import { buildLoginProviders } from '../../server/auth/providers/default-providers'
import { SandboxLoginProvider } from '../../server/auth/providers/sandbox'
import { WechatLoginClient } from '../../server/auth/providers/wechat'
import { ConfigError, loadConfig } from '../../server/config'
import type { Db } from '../../server/db/db'

/** buildApp must refuse before it touches the database, so a dummy is enough. */
const unusedDb = { kind: 'pglite' } as Db

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({})
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 10086,
      nodeEnv: 'development',
      sandbox: true,
      sessionTtlHours: 168,
      dataDir: '.data/pglite',
      staticDir: 'dist/h5',
      wechat: { apiBase: 'https://api.weixin.qq.com' },
      alipay: { gateway: 'https://openapi.alipay.com/gateway.do' },
    })
    expect(config.databaseUrl).toBeUndefined()
    expect(config.adminApiKey).toBeUndefined()
  })

  it('enables the sandbox only with SANDBOX=1 or in development', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).sandbox).toBe(false)
    expect(loadConfig({ NODE_ENV: 'test', SANDBOX: '1' }).sandbox).toBe(true)
    expect(loadConfig({ NODE_ENV: 'production' }).sandbox).toBe(false)
    expect(loadConfig({ NODE_ENV: 'production', SANDBOX: '0' }).sandbox).toBe(false)
  })

  it('refuses to start in production with SANDBOX=1', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', SANDBOX: '1' })).toThrow(ConfigError)
    expect(() => loadConfig({ NODE_ENV: 'production', SANDBOX: '1' })).toThrow(/SANDBOX=1.*NODE_ENV=production/)
  })

  it('rejects nonsense numbers', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError)
    expect(() => loadConfig({ PORT: '70000' })).toThrow(ConfigError)
    expect(() => loadConfig({ SESSION_TTL_HOURS: '-1' })).toThrow(ConfigError)
  })

  it('reads the rest from the environment', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      HOST: '0.0.0.0',
      PORT: '8080',
      DATABASE_URL: 'postgres://u@h/db',
      ADMIN_API_KEY: 'k',
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
      adminApiKey: 'k',
      sessionTtlHours: 12,
      wechat: { appId: 'wx1', secret: 's', apiBase: 'http://127.0.0.1:1' },
      alipay: { gateway: 'http://127.0.0.1:2/gateway.do' },
    })
  })
})

describe('buildApp', () => {
  it('refuses a production config with the sandbox on, however it was built', () => {
    const config = { ...loadConfig({ NODE_ENV: 'production' }), sandbox: true }
    expect(() => buildApp({ db: unusedDb, config })).toThrow(ConfigError)
  })

  it('does not offer the sandbox login provider when the sandbox is off', async () => {
    const secrets = { SEAL_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'), ID_HASH_SECRET: 'test' }
    const app = buildApp({ db: unusedDb, config: loadConfig({ NODE_ENV: 'production', ...secrets }) })
    await app.ready()
    expect(app.loginProviders.h5).toBeUndefined()
    await app.close()
  })
})

describe('buildLoginProviders', () => {
  it('offers a platform only when its credentials are configured', () => {
    expect(buildLoginProviders(loadConfig({ NODE_ENV: 'production' }))).toEqual({})
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
