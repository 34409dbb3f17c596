import type { ComplianceKind } from '../src/domain/compliance/item'

/**
 * GET/PUT /api/v1/me/compliance-reminder-settings: which kinds of compliance deadline remind the
 * user (合规提醒: 年报、纳税申报、信用修复、政策申报、诉求), every kind on until switched off. The
 * channels are those of the reminder settings (/me/reminder-settings); the inbox always.
 */
export interface ComplianceReminderSettings {
  kinds: Record<ComplianceKind, boolean>
}
