import type { FaceProviderName } from '../../../../src/contract/esign/schemas'

/**
 * One face-verification provider (WeChat 人脸核身, 支付宝身份验证, or the development sandbox).
 * The contract every provider keeps: start() binds a session to a person on the provider's
 * side; verdict() asks the provider — never the client — how it ended.
 */

export interface FacePerson {
  name: string
  idNumber: string
}

export interface FaceStartInput {
  person: FacePerson
  /** Our unique reference for the provider (out_seq_no / outer_order_no): 32 hex characters. */
  reference: string
  /** WeChat: the user's openid in this mini-program. */
  openid?: string
}

export interface FaceStart {
  /** What the client passes to the platform's face API. */
  clientParams: { verifyId?: string; certifyId?: string; certifyUrl?: string; sandboxToken?: string }
  /** What verdict() needs later; sealed at rest and erased when the session ends. */
  state: Record<string, string>
}

export type FaceVerdict =
  | { outcome: 'passed' }
  | { outcome: 'mismatch'; detail: string }
  | { outcome: 'cancelled'; detail: string; byUser: boolean }

export interface FaceProvider {
  readonly name: FaceProviderName
  /** Throws FACE_PROVIDER_ERROR (or FACE_UNAVAILABLE) when the provider cannot start one. */
  start(input: FaceStartInput): Promise<FaceStart>
  /**
   * The provider's own answer for a started session. `clientResult` may only turn a failure into
   * a cancellation, never anything into a pass. Throws FACE_PROVIDER_ERROR when the provider
   * cannot say (the session stays open, so the user may ask again).
   */
  verdict(state: Record<string, string>, clientResult: unknown): Promise<FaceVerdict>
}

export type FaceProviders = Partial<Record<FaceProviderName, FaceProvider>>
