import { ApiError } from '../../http/api-error'

export interface ProviderResponse {
  status: number
  text: string
}

/**
 * fetch with a deadline. Network failures and timeouts become LOGIN_PROVIDER_UNAVAILABLE, so a
 * slow WeChat or Alipay never hangs a login request.
 */
export async function callProvider(
  url: string,
  init: RequestInit,
  timeoutMs: number,
  provider: string,
): Promise<ProviderResponse> {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) })
    return { status: response.status, text: await response.text() }
  } catch (error) {
    const reason = error instanceof Error && error.name === 'TimeoutError' ? 'timeout' : 'network error'
    throw new ApiError('LOGIN_PROVIDER_UNAVAILABLE', { cause: `${provider} ${reason}: ${String(error)}` })
  }
}

export function unavailable(provider: string, detail: string): ApiError {
  return new ApiError('LOGIN_PROVIDER_UNAVAILABLE', { cause: `${provider}: ${detail}` })
}

export function parseJsonObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text)
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}
