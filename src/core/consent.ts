/** Bump when the privacy policy text changes: users must agree again before anything is sent. */
export const PRIVACY_POLICY_VERSION = '2026-11-01'
