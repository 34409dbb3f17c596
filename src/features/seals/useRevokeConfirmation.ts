import { useState } from 'react'
import { userMessage } from '../../api/errors'

export const REVOKE_REASON_MAX = 200

/** What is wrong with a 注销 reason (`what` names the act: 注销, 重新制章), or null when it may be sent. */
export function revokeReasonProblem(reason: string, what: string): string | null {
  const trimmed = reason.trim()
  if (!trimmed) return `请填写${what}原因`
  if (trimmed.length > REVOKE_REASON_MAX) return `原因不能超过 ${REVOKE_REASON_MAX} 个字`
  return null
}

/** What is wrong with a typed signing PIN before it is sent, or null. */
export function pinFormatProblem(pin: string): string | null {
  return /^\d{6}$/.test(pin) ? null : '请输入 6 位数字签署密码'
}

/** What the server takes with a 注销 / 重新制章: the reason and one confirmation (PIN or a face ticket). */
export type RevokeBody = { reason: string } & ({ pin: string } | { ticket: string })

/**
 * The steps 注销印章 / 重新制章 and 注销个人电子签名 share: a reason and a PIN checked here first,
 * or the reason alone before 刷脸; one request at a time; the server's refusal shown in its words
 * (the error registry), unless `handled` takes it (true: the caller did something else with it).
 */
export function useRevokeConfirmation<T>(options: {
  /** the act, in the reason's message: 注销, 重新制章 */
  what: string
  request: (body: RevokeBody) => Promise<T>
  onDone: (result: T) => void
  onFace: () => void
  handled?: (error: unknown) => boolean
}) {
  const [reason, setReason] = useState('')
  const [pin, setPin] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const send = async (confirmation: { pin: string } | { ticket: string }) => {
    setBusy(true)
    setError(null)
    try {
      options.onDone(await options.request({ reason: reason.trim(), ...confirmation }))
    } catch (e) {
      if (!options.handled?.(e)) setError(userMessage(e))
    } finally {
      setBusy(false)
    }
  }

  const reasonProblem = () => revokeReasonProblem(reason, options.what)

  return {
    reason,
    setReason,
    pin,
    setPin,
    busy,
    error,
    setError,
    /** 确认: the reason and the PIN's form first, then the request. */
    submitPin: async () => {
      const found = reasonProblem() ?? pinFormatProblem(pin)
      setError(found)
      if (!found) await send({ pin })
    },
    /** 改用刷脸确认: the reason first, then the face step. */
    chooseFace: () => {
      const found = reasonProblem()
      setError(found)
      if (!found) options.onFace()
    },
    /** The face step's ticket. */
    sendTicket: (ticket: string) => send({ ticket }),
    /** Back to empty (a closed dialog). */
    reset: () => {
      setReason('')
      setPin('')
      setError(null)
    },
  }
}
