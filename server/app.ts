import Fastify, { type FastifyInstance } from 'fastify'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import rateLimit from '@fastify/rate-limit'
import './app-context'
import { assertSafeConfig, type Config } from './config'
import type { Db } from './db/db'
import { buildLoginProviders } from './auth/providers/default-providers'
import type { LoginProviders } from './auth/providers/login-provider'
import { apiErrorSchema } from './http/api-error'
import { dbRateLimitStore } from './http/db-rate-limit-store'
import { answerFrameworkError, registerErrorHandling } from './http/error-handler'
import { registerInputDoor, storableFormats } from './http/input-door'
import { registerSecurityHeaders } from './http/security-headers'
import { buildLoggerOptions, type LogOptions } from './logging'
import { adminSystemRoutes } from './routes/admin-systems'
import { authRoutes } from './routes/auth'
import { enterpriseRoutes } from './routes/enterprises'
import { healthRoutes } from './routes/health'
import { signQrRoutes } from './routes/sign-qr'
import { meRoutes } from './routes/me'
import { systemRoutes } from './routes/system'
import { faceRoutes } from './routes/face'
import { sealGrantRoutes } from './routes/seal-grants'
import { sealRoutes } from './routes/seals'
import { signatureRoutes } from './routes/signatures'
import { signTaskRoutes } from './routes/sign-tasks'
import { sealVerificationRoutes } from './routes/seal-verifications'
import { signatureFileRoutes } from './routes/signature-files'
import { guardEnterpriseRoutes } from './auth/enterprise-access'
import { memberRoutes } from './routes/members'
import type { FaceProviders } from './face/face-provider'
import { buildSigningServices, decorateSigning, esignContextOf } from './signing/signing-context'
import { contextOf, systemClock } from './service-context'
import { decoratePki } from './pki/pki-context'
import { pkiRoutes } from './pki/pki-routes'
import { adminLicenceRoutes } from './routes/admin-licences'
import { adminReminderRoutes } from './routes/admin-reminders'
import { adminSignTaskRoutes } from './routes/admin-sign-tasks'
import { inboxRoutes } from './routes/inbox'
import { licenceTypeRoutes } from './routes/licence-types'
import { licenceRoutes } from './routes/licences'
import { policyRoutes } from './routes/policies'
import { adminPolicyRoutes } from './routes/admin-policies'
import { reminderSettingsRoutes } from './routes/reminder-settings'
import { complianceReminderSettingsRoutes } from './routes/compliance-reminder-settings'
import { complaintRoutes } from './routes/complaints'
import { staffComplaintRoutes } from './routes/staff-complaints'
import { defaultAttachmentDir, localDiskStorage, type AttachmentStorage } from './storage/attachment-storage'
import type { ReminderJobContext } from './jobs/reminders'
import { registerJobs } from './jobs/registry'
import { buildMessageSenders, type MessageSenders } from './notify/default-senders'
import { calendarFeedRoutes } from './calendar-feed/routes'
import { sealReportRoutes } from './routes/seal-reports'
import { complianceRoutes } from './routes/compliance'
import { adminComplianceRoutes } from './routes/admin-compliance'

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
  reminderSenders?: MessageSenders
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
  // Services take a plain context, built once here (server/service-context.ts), not the app.
  app.decorate('ctx', contextOf(app))
  decoratePki(app, config)
  const messageSenders = options.reminderSenders ?? buildMessageSenders(config)
  app.decorate('messageSenders', messageSenders)
  const reminderJob: ReminderJobContext = {
    db,
    senders: messageSenders,
    templates: config.subscribeTemplates,
    log: app.log,
  }
  app.decorate('esignCtx', esignContextOf(app, app.ctx))
  app.decorate('reminderJob', reminderJob)
  // Every timer of the server (reminders, digest, notice retries, sign-task sweep): one registry.
  registerJobs(app)
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
  app.register(
    async (api) => {
      await api.register(healthRoutes)
      await api.register(authRoutes)
      await api.register(meRoutes)
      await api.register(enterpriseRoutes)
      await api.register(memberRoutes)
      await api.register(adminSystemRoutes)
      await api.register(systemRoutes)
      await api.register(faceRoutes)
      await api.register(sealRoutes)
      await api.register(sealGrantRoutes)
      await api.register(signatureRoutes)
      await api.register(signTaskRoutes, { storage: attachmentStorage })
      await api.register(sealVerificationRoutes)
      await api.register(sealReportRoutes)
      await api.register(signatureFileRoutes)
      await api.register(pkiRoutes)
      await api.register(licenceTypeRoutes)
      await api.register(licenceRoutes)
      await api.register(reminderSettingsRoutes)
      await api.register(inboxRoutes)
      await api.register(adminReminderRoutes)
      await api.register(adminSignTaskRoutes)
      await api.register(adminLicenceRoutes)
      await api.register(complaintRoutes, { storage: attachmentStorage })
      await api.register(staffComplaintRoutes, { storage: attachmentStorage })
      await api.register(policyRoutes)
      await api.register(adminPolicyRoutes)
      await api.register(complianceRoutes)
      await api.register(adminComplianceRoutes)
      await api.register(complianceReminderSettingsRoutes)
    },
    { prefix: API_PREFIX },
  )
  // Outside /api: the landing path printed in sign-task QR codes.
  app.register(signQrRoutes)
  app.register(calendarFeedRoutes, { apiPrefix: API_PREFIX })

  return app
}
