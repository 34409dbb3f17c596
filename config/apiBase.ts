// The API origin compiled into a build (process.env.TARO_APP_API_BASE).
//
// H5 is served by our own server and calls the same origin (''). Development mini-program builds
// call the local server (WeChat DevTools with 「不校验合法域名」, the Alipay IDE with 「忽略 http
// 和 https 校验」). A release mini-program build (ZQT_RELEASE=1: `npm run release:weapp` /
// `release:alipay`) must be given API_BASE_URL: an https origin with a domain name, as WeChat's and
// Alipay's 合法域名 lists accept (no IP address, no localhost, no plain http) — otherwise it
// refuses to build, so no release ever points at 127.0.0.1.

export const LOCAL_API_BASE = 'http://127.0.0.1:10086'

export interface ApiBaseInput {
  platform: string
  release: boolean
  apiBaseUrl?: string
}

const IP_ADDRESS = /^(\d{1,3}\.){3}\d{1,3}$|^\[[0-9a-f:.]+\]$/i

/** Why `url` cannot be a release mini-program's API origin, or null when it can. */
export function releaseApiBaseProblem(url: string | undefined): string | null {
  if (!url) return 'API_BASE_URL is not set'
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return `API_BASE_URL ${JSON.stringify(url)} is not an absolute URL`
  }
  if (parsed.protocol !== 'https:') return `API_BASE_URL must use https (WeChat and Alipay refuse http): ${url}`
  const host = parsed.hostname
  if (host === 'localhost' || host.endsWith('.localhost') || IP_ADDRESS.test(host)) {
    return `API_BASE_URL must name a domain registered as 合法域名, not ${host}`
  }
  if (parsed.username || parsed.password || parsed.search || parsed.hash) {
    return `API_BASE_URL must be an origin (and optional path), without credentials, query or fragment: ${url}`
  }
  return null
}

/** The API base for this build; throws (refusing the build) for a release mini-program without a proper one. */
export function apiBaseFor({ platform, release, apiBaseUrl }: ApiBaseInput): string {
  if (platform === 'h5') return apiBaseUrl ?? ''
  if (release) {
    const problem = releaseApiBaseProblem(apiBaseUrl)
    if (problem) {
      throw new Error(
        `Refusing a release ${platform} build: ${problem}. ` +
          `Use e.g. API_BASE_URL=https://zqt.example.gov.cn npm run release:${platform} (see README, 合法域名).`,
      )
    }
    return apiBaseUrl!.replace(/\/+$/, '')
  }
  return apiBaseUrl ?? LOCAL_API_BASE
}
