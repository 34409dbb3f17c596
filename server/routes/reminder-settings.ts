import type { FastifyInstance } from 'fastify'
import type { RecordSubscriptionsRequest, ReminderSettings, SubscriptionState } from '../contract-licences'
import { currentUser, requireUser } from '../auth/require-user'
import { validationError } from '../licences/licence-input'
import { getReminderSettings, saveReminderSettings } from '../reminders/settings-repo'
import type { SubscribePurpose } from '../contract-policies'
import { allSubscribeTemplateIds, purposeOfTemplate, SUBSCRIBE_PURPOSES } from '../notify/subscribe-templates'
import {
  getSubscriptionState,
  recordSubscriptionResults,
  type SubscribePlatform,
} from '../reminders/subscriptions-repo'
import { errorResponses, noQuerystring } from './schemas'

const reminderSettingsSchema = {
  type: 'object',
  required: ['offsets', 'onExpiryDay', 'channels'],
  additionalProperties: false,
  properties: {
    offsets: {
      type: 'array',
      maxItems: 10,
      uniqueItems: true,
      items: { type: 'integer', minimum: 0, maximum: 365 },
      description: '截止日前多少天提醒（0–365，不重复，最多 10 个）',
    },
    onExpiryDay: { type: 'boolean' },
    channels: {
      type: 'object',
      required: ['inbox', 'wechat', 'alipay'],
      additionalProperties: false,
      properties: { inbox: { type: 'boolean' }, wechat: { type: 'boolean' }, alipay: { type: 'boolean' } },
    },
  },
} as const

const platformSchema = { type: 'string', enum: ['weapp', 'alipay'] } as const
const subscribeResult = { type: 'string', enum: ['accept', 'reject', 'ban'] } as const

const subscriptionStateSchema = {
  type: 'object',
  required: ['platform', 'templates', 'results'],
  additionalProperties: false,
  properties: {
    platform: platformSchema,
    templates: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'title'],
        additionalProperties: false,
        properties: { id: { type: 'string' }, title: { type: 'string' } },
      },
    },
    results: { type: 'object', additionalProperties: { anyOf: [subscribeResult, { type: 'null' }] } },
  },
} as const

const recordBodySchema = {
  type: 'object',
  required: ['platform', 'results'],
  additionalProperties: false,
  properties: {
    platform: platformSchema,
    // The platforms take at most 3 templates per requestSubscribeMessage call.
    results: {
      type: 'object',
      minProperties: 1,
      maxProperties: 3,
      propertyNames: { maxLength: 128 },
      additionalProperties: subscribeResult,
    },
  },
} as const

const common = { tags: ['reminders'], security: [{ session: [] }] }

/** The user's reminder preferences and platform subscriptions. */
export async function reminderSettingsRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', requireUser)

  app.get(
    '/me/reminder-settings',
    {
      schema: {
        ...common,
        summary: '我的提醒设置',
        querystring: noQuerystring,
        response: { 200: reminderSettingsSchema, ...errorResponses },
      },
    },
    (request): Promise<ReminderSettings> => getReminderSettings(app.db, currentUser(request).id),
  )

  app.put<{ Body: ReminderSettings }>(
    '/me/reminder-settings',
    {
      schema: {
        ...common,
        summary: '保存提醒设置（提前天数、到期当日、渠道）',
        querystring: noQuerystring,
        body: reminderSettingsSchema,
        response: { 200: reminderSettingsSchema, ...errorResponses },
      },
    },
    (request): Promise<ReminderSettings> => saveReminderSettings(app.db, currentUser(request).id, request.body),
  )

  app.get<{ Querystring: { platform: SubscribePlatform; purpose?: SubscribePurpose } }>(
    '/me/subscriptions',
    {
      schema: {
        ...common,
        summary:
          '需申请的订阅消息模板及我的授权结果（purpose：licence 证照提醒〔默认〕、policy 新政策、complaint 诉求进展、seal 用章报告与提醒）',
        querystring: {
          type: 'object',
          required: ['platform'],
          additionalProperties: false,
          properties: { platform: platformSchema, purpose: { type: 'string', enum: [...SUBSCRIBE_PURPOSES] } },
        },
        response: { 200: subscriptionStateSchema, ...errorResponses },
      },
    },
    (request): Promise<SubscriptionState> =>
      getSubscriptionState(
        app.db,
        app.config,
        currentUser(request).id,
        request.query.platform,
        request.query.purpose ?? 'licence',
      ),
  )

  app.post<{ Body: RecordSubscriptionsRequest }>(
    '/me/subscriptions',
    {
      schema: {
        ...common,
        summary: '记录 requestSubscribeMessage 的结果（每次最多 3 个模板；返回第一个模板所属用途的状态）',
        querystring: noQuerystring,
        body: recordBodySchema,
        response: { 200: subscriptionStateSchema, ...errorResponses },
      },
    },
    async (request): Promise<SubscriptionState> => {
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
