import type { FastifyInstance } from 'fastify'
import { ConfigError, type Config } from '../../../kernel/config'
import { buildFaceProviders } from '../face/default-face-providers'
import type { FaceProviders } from '../face/face-provider'
import { KeyVault } from '../../../kernel/secrets/key-vault'
import type { PkiServices } from '../pki/pki-keys'
import { deliverAfterCommit } from '../../../kernel/notify/notice-context'
import type { NoticeContext, NoticeTally } from '../../../kernel/notify/notice-delivery'
import { sealTemplates, type SealTemplates } from '../seals/seal-notices'
import { contextOf, type ServiceContext } from '../../../kernel/service-context'
import { resolveSigningSecrets } from '../../../kernel/secrets/secrets'
import { SignTaskCallbacks } from './sign-task-callbacks'
import { sweepSignTasks, type SignTaskSweepReport } from './sign-task-sweep'

/** What 刷脸 / 印章 / 签章 routes share, decorated on the Fastify instance as `app.signing`. */
export interface SigningServices {
  vault: KeyVault
  idHashSecret: string
  faceProviders: FaceProviders
  /** The first builds QR codes; all are recognised. */
  qrHosts: string[]
  /** True when SEAL_MASTER_KEY / ID_HASH_SECRET are development stand-ins. */
  developmentSecrets: boolean
  callbacks: SignTaskCallbacks
  /**
   * Expires overdue sign tasks and delivers due callbacks (the job registry runs it periodically
   * when enabled, server/kernel/jobs/registry.ts; the admin route and tests call it). Throws LockBusyError while another instance sweeps.
   */
  sweep(): Promise<SignTaskSweepReport>
}

/**
 * What 印章 / 签章 / 刷脸 services are given: the service context plus the signing services, the
 * seal CA and timestamp service, and how their notices go out. Built once per app (`app.esignCtx`).
 */
export interface EsignContext extends ServiceContext {
  signing: SigningServices
  pki: PkiServices
  /** 用章提醒 templates (config × the senders present). */
  sealTemplates(): SealTemplates
  /** Sends notices whose rows a request has just committed (server/kernel/notify/notice-context.ts). */
  deliverAfterCommit(what: string, deliver: (ctx: NoticeContext) => Promise<NoticeTally>): Promise<NoticeTally | null>
}

declare module 'fastify' {
  interface FastifyInstance {
    signing: SigningServices
    /** The context of 印章 / 签章 / 刷脸 services (esignContextOf), built once by buildApp. */
    esignCtx: EsignContext
  }
}

/** After `signing`, `pki`, `messageSenders` and `clock` are decorated (buildApp). */
export function esignContextOf(app: FastifyInstance, base: ServiceContext = contextOf(app)): EsignContext {
  return {
    ...base,
    signing: app.signing,
    pki: app.pki,
    sealTemplates: () => sealTemplates(app.config, app.messageSenders),
    deliverAfterCommit: (what, deliver) => deliverAfterCommit(app, what, deliver),
  }
}

export interface SigningOptions {
  /** Per provider, replaces the one built from config (tests inject fakes). */
  faceProviders?: FaceProviders
}

/** Throws ConfigError in production without the secrets, so the server refuses to start. */
export function buildSigningServices(
  config: Config,
  options: SigningOptions = {},
): Omit<SigningServices, 'callbacks' | 'sweep'> {
  const secrets = resolveSigningSecrets(config)
  const faceProviders = { ...buildFaceProviders(config), ...options.faceProviders }
  // The sandbox proves nothing about whose face it is; only a sandbox environment may use it.
  if (!config.sandbox) delete faceProviders.sandbox
  return {
    vault: new KeyVault(secrets.masterKey),
    idHashSecret: secrets.idHashSecret,
    faceProviders,
    qrHosts: config.signing.qrHosts,
    developmentSecrets: secrets.developmentDefaults,
  }
}

export function decorateSigning(
  app: FastifyInstance,
  base: Omit<SigningServices, 'callbacks' | 'sweep'>,
  config: Pick<Config, 'providerTimeoutMs' | 'signing' | 'nodeEnv'>,
): void {
  // loadConfig refuses it too; this holds for a config built any other way.
  if (config.signing.callbackAllowPrivate && config.nodeEnv === 'production') {
    throw new ConfigError('Refusing to start: CALLBACK_ALLOW_PRIVATE=1 is not allowed with NODE_ENV=production')
  }
  const callbacks = new SignTaskCallbacks(app.db, app.log, {
    timeoutMs: config.providerTimeoutMs,
    allowPrivate: config.signing.callbackAllowPrivate,
  })
  const services: SigningServices = {
    ...base,
    callbacks,
    sweep: () => sweepSignTasks(app.db, app.clock(), () => callbacks.deliverDue()),
  }
  app.decorate('signing', services)
  app.addHook('onReady', async () => {
    if (services.developmentSecrets) {
      app.log.warn(
        { keyFingerprint: services.vault.fingerprint },
        'SEAL_MASTER_KEY / ID_HASH_SECRET not set: using DEVELOPMENT-ONLY stand-ins (refused in production)',
      )
    }
  })
  app.addHook('onClose', async () => {
    callbacks.close()
  })
}
