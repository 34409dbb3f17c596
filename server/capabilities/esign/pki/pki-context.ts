import type { FastifyInstance } from 'fastify'
import type { Config } from '../../../kernel/config'
import { resolvePki, type PkiServices } from './pki-keys'

declare module 'fastify' {
  interface FastifyInstance {
    /** The seal CA and the timestamp service (server/capabilities/esign/pki). */
    pki: PkiServices
  }
}

/** After decorateSigning (it needs the key vault). Throws ConfigError in production without the CA/TSA. */
export function decoratePki(app: FastifyInstance, config: Config): void {
  const pki = resolvePki(config, app.signing.vault, () => app.clock())
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
