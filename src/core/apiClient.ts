import { createApiClient } from '../api/client'
import { login } from '../api/auth/login'
import { apiBaseUrl } from '../platform/env'
import { getLoginCode } from '../platform/login'
import { taroTransport } from '../platform/request'
import { PRIVACY_POLICY_VERSION } from './consent'
import { usePreferences } from './preferences'
import { useSession } from './session'

/**
 * The app's one API client. On a 401 it signs in again silently once (platform login code,
 * or the remembered sandbox phone on H5); if that fails the session is cleared and the
 * screens show the login prompt — the client itself never navigates.
 */
export const apiClient = createApiClient({
  baseUrl: apiBaseUrl,
  transport: taroTransport,
  getToken: () => useSession.getState().token,
  onUnauthorized: async () => {
    try {
      await signIn({ sandboxPhone: useSession.getState().sandboxPhone ?? undefined })
      return true
    } catch {
      useSession.getState().clear()
      return false
    }
  },
})

/** Signs in with the platform's login code. Only after the user agreed to the privacy policy. */
export async function signIn(options: { sandboxPhone?: string } = {}): Promise<void> {
  const consentVersion = usePreferences.getState().consentVersion
  if (consentVersion !== PRIVACY_POLICY_VERSION) throw new Error('请先阅读并同意隐私政策')
  const { platform, code } = await getLoginCode({ sandboxPhone: options.sandboxPhone })
  const response = await login(apiClient, { platform, code, consentVersion })
  useSession.getState().signedIn(response, options.sandboxPhone ?? null)
}
