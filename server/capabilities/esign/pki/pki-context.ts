import type { FastifyInstance } from 'fastify'
import type { Config } from '../../../kernel/config'
import type { ServiceContext } from '../../../kernel/service-context'
import { resolvePki, type PkiServices } from './pki-keys'

declare module 'fastify' {
  interface FastifyInstance {
    /** The seal CA and the timestamp service (server/capabilities/esign/pki). */
    pki: PkiServices
  }
}

/** The seal CA and timestamp service: keys opened with the vault, timestamps from the context's clock. */
export function pkiOf(config: Config, ctx: Pick<ServiceContext, 'clock' | 'secrets'>): PkiServices {
  return resolvePki(config, ctx.secrets.vault, ctx.clock)
}

/** After `app.ctx` (it needs the key vault and the clock). Throws ConfigError in production without the CA/TSA. */
export function decoratePki(app: FastifyInstance, config: Config): void {
  const pki = pkiOf(config, app.ctx)
  app.decorate('pki', pki)
  if (pki.developmentCa && pki.developmentCa !== 'memory') {
    app.addHook('onReady', async () => {
      app.log.warn(
        { where: pki.developmentCa },
        'Seal CA and timestamp service: DEVELOPMENT CA generated for this machine (not trusted by anyone; production requires SEAL_CA_CERT/SEAL_CA_KEY/TSA_CERT/TSA_KEY)',
      )
    })
  }
}
