import { randomBytes } from 'node:crypto'
import { ApiError } from '../../../kernel/http/api-error'
import type { FaceProvider, FaceStart, FaceVerdict } from './face-provider'

/**
 * H5 development and tests: no face is looked at; the stand-in screen says how it ended with
 * `clientResult.sandboxOutcome`. It proves nothing, which is why buildApp offers it only when the
 * sandbox is on (never in production, see assertSafeConfig).
 */
export class SandboxFaceProvider implements FaceProvider {
  readonly name = 'sandbox' as const

  async start(): Promise<FaceStart> {
    const sandboxToken = `sandbox_${randomBytes(12).toString('hex')}`
    return { clientParams: { sandboxToken }, state: { sandboxToken } }
  }

  async verdict(_state: Record<string, string>, clientResult: unknown): Promise<FaceVerdict> {
    const outcome = (clientResult as { sandboxOutcome?: unknown } | undefined)?.sandboxOutcome
    if (outcome === 'pass') return { outcome: 'passed' }
    if (outcome === 'fail') return { outcome: 'mismatch', detail: 'sandbox: fail' }
    if (outcome === 'cancel') return { outcome: 'cancelled', detail: 'sandbox: cancel', byUser: true }
    throw new ApiError('VALIDATION_FAILED', {
      message: '体验刷脸需提供 clientResult.sandboxOutcome（pass、fail 或 cancel）',
      details: [{ field: 'clientResult.sandboxOutcome', message: '应为 pass、fail 或 cancel' }],
    })
  }
}
