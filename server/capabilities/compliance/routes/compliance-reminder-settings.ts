import type { FastifyInstance } from 'fastify'
import { currentUser, requireUser } from '../../../kernel/auth/require-user'
import { getComplianceReminderSettings, saveComplianceReminderSettings } from '../reminder-settings-repo'
import * as endpoints from '../../../../src/contract/compliance/reminder-endpoints'
import { ops } from '../../../../src/contract/compliance/schemas'
import { contractRoute } from '../../../kernel/http/contract-route'

const tags = ['reminders']

/** 合规提醒 per kind (issue #14 item 10): the user's switches, every kind on by default. */
export async function complianceReminderSettingsRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', requireUser)

  contractRoute(
    app,
    endpoints.getComplianceReminderSettings,
    ops.getComplianceReminderSettings,
    { tags, summary: '我的合规提醒设置（年报、纳税申报、信用修复、政策申报、诉求，各一个开关）' },
    (request) => getComplianceReminderSettings(app.db, currentUser(request).id),
  )

  contractRoute(
    app,
    endpoints.saveComplianceReminderSettings,
    ops.saveComplianceReminderSettings,
    { tags, summary: '保存合规提醒设置（五类各一个开关，须全部给出）' },
    (request) => saveComplianceReminderSettings(app.db, currentUser(request).id, request.body, new Date(app.clock())),
  )
}
