import { isProduction, type Config } from '../../../kernel/config'

export const FEED_PATH_PREFIX = '/calendar/feed/'

/**
 * The origin feed links are built on: PUBLIC_BASE_URL (https in production, checked by loadConfig);
 * without it, http://HOST:PORT outside production and nothing in production, where a link to an
 * address users cannot reach must not be handed out.
 */
export function feedBaseUrl(config: Pick<Config, 'publicBaseUrl' | 'nodeEnv' | 'host' | 'port'>): string | null {
  if (config.publicBaseUrl) return config.publicBaseUrl
  return isProduction(config) ? null : `http://${config.host}:${config.port}`
}

export function feedUrls(baseUrl: string, token: string): { httpsUrl: string; webcalUrl: string } {
  const httpsUrl = `${baseUrl}${FEED_PATH_PREFIX}${token}.ics`
  return { httpsUrl, webcalUrl: httpsUrl.replace(/^https?:/, 'webcal:') }
}

/** The host in event UIDs: stable as long as the public address is. */
export function uidHost(baseUrl: string | null): string {
  return baseUrl ? new URL(baseUrl).host : 'zhengqitong.invalid'
}
