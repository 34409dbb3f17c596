import type { FastifyInstance } from 'fastify'
import * as endpoints from '../../../../src/contract/account/endpoints'
import { ops } from '../../../../src/contract/account/schemas'
import { currentUser, requireUser } from '../../../kernel/auth/require-user'
import { validationError } from '../../../kernel/http/input-errors'
import { getReminderSettings, saveReminderSettings } from '../reminder-settings-repo'
import { allSubscribeTemplateIds, purposeOfTemplate } from '../../../kernel/notify/subscribe-templates'
import { getSubscriptionState, recordSubscriptionResults } from '../../../kernel/notify/subscriptions-repo'
import { contractRoute } from '../../../kernel/http/contract-route'

const tags = ['reminders']

/** The user's reminder preferences and platform subscriptions. */
export async function reminderSettingsRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', requireUser)

  contractRoute(
    app,
    endpoints.getReminderSettings,
    ops.getReminderSettings,
    { tags, summary: '我的提醒设置' },
    (request) => getReminderSettings(app.db, currentUser(request).id),
  )

  contractRoute(
    app,
    endpoints.saveReminderSettings,
    ops.saveReminderSettings,
    { tags, summary: '保存提醒设置（提前天数、到期当日、渠道）' },
    (request) => saveReminderSettings(app.db, currentUser(request).id, request.body),
  )

  contractRoute(
    app,
    endpoints.getSubscriptions,
    ops.getSubscriptions,
    {
      tags,
      summary:
        '需申请的订阅消息模板及我的授权结果（purpose：licence 证照提醒〔默认〕、policy 新政策、complaint 诉求进展、seal 用章报告与提醒）',
    },
    (request) =>
      getSubscriptionState(
        app.db,
        app.config,
        currentUser(request).id,
        request.query.platform,
        request.query.purpose ?? 'licence',
      ),
  )

  contractRoute(
    app,
    endpoints.recordSubscriptions,
    ops.recordSubscriptions,
    { tags, summary: '记录 requestSubscribeMessage 的结果（每次最多 3 个模板；返回第一个模板所属用途的状态）' },
    async (request) => {
      const { platform, results } = request.body
      const known = allSubscribeTemplateIds(app.config, platform)
      const unknown = Object.keys(results).filter((id) => !known.has(id))
      if (unknown.length > 0) {
        throw validationError(unknown.map((id) => ({ field: `results.${id}`, message: `未知的订阅消息模板 ${id}` })))
      }
      const userId = currentUser(request).id
      await recordSubscriptionResults(app.db, userId, platform, results)
      // The answer describes the purpose of the (first) template recorded: licence, policy or complaint.
      const purpose = purposeOfTemplate(app.config, platform, Object.keys(results)[0])
      return getSubscriptionState(app.db, app.config, userId, platform, purpose)
    },
  )
}
