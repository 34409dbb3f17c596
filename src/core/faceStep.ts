import type { ComponentType } from 'react'
import type { FacePurpose, FaceTicketIssued } from '../contract/esign/schemas'

/**
 * The face-verification step a screen asks for, supplied by its page (features do not import each
 * other: the 刷脸 panel lives in features/face, the screens that need it in seals and signing).
 * It calls `onTicket` with a one-time ticket for `purpose` once the server has confirmed the face.
 */
export type FaceStep = ComponentType<{
  purpose: FacePurpose
  enterpriseId?: string
  intro?: string
  onTicket: (ticket: FaceTicketIssued) => void | Promise<void>
}>
