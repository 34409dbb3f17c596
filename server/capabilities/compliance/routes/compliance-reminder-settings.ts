import type { FastifyInstance } from 'fastify'
import { currentUser, requireUser } from '../../../kernel/auth/require-user'
import type { ComplianceReminderSettings } from '../../../contract-compliance-reminders'
import { getComplianceReminderSettings, saveComplianceReminderSettings } from '../reminder-settings-repo'
import { COMPLIANCE_KINDS } from '../../../../src/domain/compliance/reminderOffsets'
import { errorResponses, noQuerystring } from '../../../kernel/http/schemas'

const KIND_LABELS = {
  'annual-report': '年报',
  'tax-filing': '纳税申报',
  'credit-repair': '信用修复',
  'policy-window': '政策申报',
  complaint: '诉求',
} as const

const settingsSchema = {
  type: 'object',
  required: ['kinds'],
  additionalProperties: false,
  properties: {
    kinds: {
      type: 'object',
      required: [...COMPLIANCE_KINDS],
      additionalProperties: false,
      properties: Object.fromEntries(
        COMPLIANCE_KINDS.map((kind) => [kind, { type: 'boolean', description: `${KIND_LABELS[kind]}提醒` }]),
      ),
    },
  },
} as const

const common = { tags: ['reminders'], security: [{ session: [] }] }

/** 合规提醒 per kind (issue #14 item 10): the user's switches, every kind on by default. */
export async function complianceReminderSettingsRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', requireUser)

  app.get(
    '/me/compliance-reminder-settings',
    {
      schema: {
        ...common,
        summary: '我的合规提醒设置（年报、纳税申报、信用修复、政策申报、诉求，各一个开关）',
        querystring: noQuerystring,
        response: { 200: settingsSchema, ...errorResponses },
      },
    },
    (request): Promise<ComplianceReminderSettings> => getComplianceReminderSettings(app.db, currentUser(request).id),
  )

  app.put<{ Body: ComplianceReminderSettings }>(
    '/me/compliance-reminder-settings',
    {
      schema: {
        ...common,
        summary: '保存合规提醒设置（五类各一个开关，须全部给出）',
        querystring: noQuerystring,
        body: settingsSchema,
        response: { 200: settingsSchema, ...errorResponses },
      },
    },
    (request): Promise<ComplianceReminderSettings> =>
      saveComplianceReminderSettings(app.db, currentUser(request).id, request.body, new Date(app.clock())),
  )
}
