// Complaint views built with the real domain (state machine, SLA), as the server would send them.
import type { ComplaintView } from '../../src/contract/complaints/schemas'
import { complaintLimits, type ComplaintCategoryCode } from '../../src/domain/complaints/categories'
import {
  complaintStatusLabel,
  submitComplaint,
  type ComplaintAction,
  type ComplaintCase,
  type TimelineEntry,
} from '../../src/domain/complaints/complaintCase'
import { countdownText, slaStatus } from '../../src/domain/complaints/sla'
import { availableActions, transition } from '../../src/domain/complaints/stateMachine'

export const COMPLAINT_ID = 'c0000000-0000-4000-8000-000000000001'

export interface CaseStep {
  action: ComplaintAction
  actor: 'submitter' | 'staff'
  at: string
}

/** A case after `steps`, viewed by its submitter at `now`. */
export function complaintView(
  options: {
    id?: string
    title?: string
    category?: ComplaintCategoryCode
    anonymous?: boolean
    submittedAt?: string
    steps?: CaseStep[]
    now?: string
    attachments?: ComplaintView['attachments']
    location?: ComplaintView['location']
    concernedParty?: string | null
  } = {},
): ComplaintView {
  const submittedAt = options.submittedAt ?? '2026-11-16T02:00:00.000Z'
  const now = options.now ?? new Date().toISOString()
  const first = submitComplaint({
    category: options.category ?? 'complaint',
    anonymous: options.anonymous ?? false,
    submittedAt,
  })
  let complaint = first.complaint
  const timeline: TimelineEntry[] = [first.entry]
  for (const step of options.steps ?? []) {
    const result = transition(complaint, step.action, step.actor, step.at)
    if (!result.ok) throw new Error(`fixture step ${step.action.type} refused: ${result.reason}`)
    complaint = result.next
    timeline.push(result.entry)
  }
  const sla = slaStatus(complaint, now)
  return {
    id: options.id ?? COMPLAINT_ID,
    title: options.title ?? '占道经营影响通行',
    description: '七一路菜市场门口长期占道经营，早高峰车辆无法通行，希望尽快整治。',
    anonymous: options.anonymous ?? false,
    contactPhoneMasked: options.anonymous ? null : '138****8000',
    location: options.location ?? null,
    concernedParty: options.concernedParty ?? null,
    statusLabel: complaintStatusLabel(complaint),
    case: complaint as ComplaintCase,
    sla: { ...sla, text: countdownText(sla) },
    timeline,
    attachments: options.attachments ?? [],
    availableActions: availableActions(complaint, 'submitter', now),
    limits: complaintLimits(options.category ?? 'complaint')!,
    createdAt: submittedAt,
  }
}

/** 受理 → 交办 → 办理 → 答复, a day apart from 17 Nov 2026. */
export const HANDLED_AND_REPLIED: CaseStep[] = [
  { action: { type: 'accept' }, actor: 'staff', at: '2026-11-17T01:00:00.000Z' },
  { action: { type: 'assign', department: '魏都区城市管理局' }, actor: 'staff', at: '2026-11-17T02:00:00.000Z' },
  { action: { type: 'start' }, actor: 'staff', at: '2026-11-18T01:00:00.000Z' },
  {
    action: { type: 'reply', answer: '已联合街道清理占道摊位，并设置临时疏导。' },
    actor: 'staff',
    at: '2026-11-19T01:00:00.000Z',
  },
]
