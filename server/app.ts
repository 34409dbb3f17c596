import Fastify, { type FastifyInstance } from 'fastify'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import rateLimit from '@fastify/rate-limit'
import './kernel/app-context'
import { assertSafeConfig, type Config } from './kernel/config'
import type { Db } from './kernel/db/db'
import { buildLoginProviders } from './kernel/auth/providers/default-providers'
import type { LoginProviders } from './kernel/auth/providers/login-provider'
import { apiErrorSchema } from './kernel/http/api-error'
import { dbRateLimitStore } from './kernel/http/db-rate-limit-store'
import { answerFrameworkError, registerErrorHandling } from './kernel/http/error-handler'
import { registerInputDoor, storableFormats } from './kernel/http/input-door'
import { registerSecurityHeaders } from './kernel/http/security-headers'
import { buildLoggerOptions, type LogOptions } from './kernel/logging'
import { healthRoutes } from './kernel/http/health'
import { guardEnterpriseRoutes } from './kernel/auth/enterprise-access'
import type { FaceProviders } from './capabilities/esign/face/face-provider'
import { buildSigningServices, decorateSigning, esignContextOf } from './capabilities/esign/signing/signing-context'
import { decoratePki } from './capabilities/esign/pki/pki-context'
import { defaultAttachmentDir, localDiskStorage, type AttachmentStorage } from './kernel/storage/attachment-storage'
import { registerJobs } from './kernel/jobs/registry'
import { ConsentWithdrawal } from './kernel/auth/consent-withdrawal'
import { JOBS } from './jobs'
import { accountPlugin } from './capabilities/account/plugin'
import { esignPlugin } from './capabilities/esign/plugin'
import { licencesPlugin } from './capabilities/licences/plugin'
import { complaintsPlugin } from './capabilities/complaints/plugin'
import { policiesPlugin } from './capabilities/policies/plugin'
import { compliancePlugin } from './capabilities/compliance/plugin'
import { buildMessageSenders, type MessageSenders } from './kernel/notify/default-senders'
import { contextOf, systemClock } from './kernel/service-context'
export interface BuildAppOptions {
  db: Db
  config: Config
  /** Per platform, replaces the provider built from config (tests inject fakes). */
  loginProviders?: LoginProviders
  /** false or absent: silent. true: info to stdout. */
  logger?: boolean | LogOptions
  /** Per face provider (wechat, alipay, sandbox), replaces the one built from config. */
  faceProviders?: FaceProviders
  /** Replace the WeChat/Alipay senders of every notice built from config (tests inject fakes). */
  messageSenders?: MessageSenders
  /** The clock (ms since the epoch) that decides "today"; tests pin it. */
  now?: () => number
  /** Where complaint photos are kept; local disk beside DATA_DIR by default (tests pass a temp dir). */
  attachmentStorage?: AttachmentStorage
}

/** Generous for JSON forms; a route that takes uploads sets its own bodyLimit. */
export const BODY_LIMIT_BYTES = 256 * 1024

export const API_PREFIX = '/api/v1'

/** The API as a Fastify instance, not listening: main.ts listens, tests use app.inject. */
export function buildApp(options: BuildAppOptions): FastifyInstance {
  const { db, config } = options
  assertSafeConfig(config)
  // Refuses a production config without SEAL_MASTER_KEY / ID_HASH_SECRET.
  const signing = buildSigningServices(config, { faceProviders: options.faceProviders })
  const loginProviders = { ...buildLoginProviders(config), ...options.loginProviders }
  // The sandbox provider proves nothing about who logs in; only a sandbox environment may use it.
  if (!config.sandbox) delete loginProviders.h5

  const app = Fastify({
    logger: options.logger ? buildLoggerOptions(options.logger === true ? {} : options.logger) : false,
    bodyLimit: BODY_LIMIT_BYTES,
    frameworkErrors: answerFrameworkError,
    // The n nearest hops are our proxies (what Fastify does for a number, which its types omit).
    trustProxy: config.trustProxyHops > 0 ? (_address: string, hop: number) => hop < config.trustProxyHops : false,
    ajv: {
      // What the client sent is what gets validated: no type coercion (a numeric `code` is a
      // 400, not the string "123"), and unknown properties fail instead of being dropped.
      customOptions: { coerceTypes: false, removeAdditional: false, allErrors: false },
      onCreate: storableFormats,
    },
  })

  const attachmentStorage = options.attachmentStorage ?? localDiskStorage(defaultAttachmentDir(config.dataDir))
  app.decorate('db', db)
  app.decorate('config', config)
  app.decorate('loginProviders', loginProviders)
  decorateSigning(app, signing, config)
  app.decorate('clock', options.now ?? systemClock)
  const messageSenders = options.messageSenders ?? buildMessageSenders(config)
  app.decorate('messageSenders', messageSenders)
  // Services take a plain context, built once here (server/kernel/service-context.ts), not the app.
  app.decorate('ctx', contextOf(app))
  decoratePki(app, config)
  app.decorate('esignCtx', esignContextOf(app, app.ctx))
  app.decorate('consentWithdrawal', new ConsentWithdrawal())
  // Every timer of the server (reminders, digest, notice retries, sign-task sweep): one registry,
  // listed by server/jobs.ts from each capability's jobs.ts.
  registerJobs(app, JOBS)
  app.decorateRequest('user', null)
  app.decorateRequest('system', null)
  app.decorateRequest('enterpriseAccess', null)

  // Only JSON is accepted; anything else (text/plain, forms) is a 415 rather than a string body.
  app.removeAllContentTypeParsers()
  const parseJson = app.getDefaultJsonParser('error', 'error')
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    // Mini-program request APIs send a JSON content type even without a body (logout, DELETE).
    if (body === '') return done(null, undefined)
    parseJson(request, String(body), done)
  })

  registerErrorHandling(app)
  registerSecurityHeaders(app, config, API_PREFIX)
  registerInputDoor(app)
  app.addSchema(apiErrorSchema)

  app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: '政企通 API', version: '1.0.0', description: '政企通小程序参考服务端接口' },
      components: {
        securitySchemes: {
          session: { type: 'http', scheme: 'bearer', description: '登录接口返回的 token' },
          adminKey: { type: 'http', scheme: 'bearer', description: 'ADMIN_API_KEY' },
          systemKey: { type: 'http', scheme: 'bearer', description: '外部系统接入密钥' },
        },
      },
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  })
  // Off in production unless API_DOCS=1: the full route map helps nobody but a prober there.
  if (config.apiDocs) app.register(swaggerUi, { routePrefix: '/api/docs' })
  // Per-route limits only (login, query by code): each route sets `config.rateLimit`. Counted in
  // the database, so every instance of the server counts against the same limit.
  app.register(rateLimit, { global: false, store: dbRateLimitStore(db, () => app.clock()) })

  // Before any route: an `:enterpriseId` route without a declared action cannot be registered.
  app.addHook('onRoute', guardEnterpriseRoutes)
  app.register(healthRoutes, { prefix: API_PREFIX })
  // The capabilities, each a plugin (fastify-plugin, named, with the kernel decorators it needs
  // and the capabilities it depends on declared): its routes under /api/v1 and any outside it.
  app.register(accountPlugin)
  app.register(esignPlugin, { storage: attachmentStorage })
  app.register(licencesPlugin)
  app.register(complaintsPlugin, { storage: attachmentStorage })
  app.register(policiesPlugin)
  app.register(compliancePlugin)

  return app
}
