/**
 * 账号 wire schemas (health, system, auth, me, enterprises, inbox, reminder settings and
 * subscriptions, admin systems and reminder runs). Server-side at runtime; the app: `import type`
 * only. Response schemas are the serializer's allow-lists.
 */

import { Type, type Static } from 'typebox'
import { ENTERPRISE_ROLES } from '../../domain/access/permissions'
import { INBOX_KINDS } from '../../domain/inbox/kinds'
import { DateTime, EnterpriseIdParams, IdParam, IsoDay, Nullable, StringEnum, Uuid } from '../common'
import type { OperationSchemas } from '../endpoint'

export type { EnterpriseRole } from '../../domain/access/permissions'

export const PLATFORMS = ['weapp', 'alipay', 'h5'] as const
export type Platform = (typeof PLATFORMS)[number]

/** What a subscription message announces (证照提醒, 新政策, 诉求进展, 用章报告与提醒). */
export const SUBSCRIBE_PURPOSES = ['licence', 'policy', 'complaint', 'seal', 'compliance'] as const
export type SubscribePurpose = (typeof SUBSCRIBE_PURPOSES)[number]

export const HealthResponse = Type.Object({
  status: StringEnum(['ok'] as const),
  db: StringEnum(['pglite', 'postgres'] as const),
})
export type HealthResponse = Static<typeof HealthResponse>

export const SystemWhoAmI = Type.Object(
  { id: Type.String(), name: Type.String(), scopes: Type.Array(Type.String()) },
  { additionalProperties: false },
)
export type SystemWhoAmI = Static<typeof SystemWhoAmI>

// ---- login and the user ----

/** A privacy-policy version: 1–64 characters, not only blanks. */
const ConsentVersion = Type.String({ minLength: 1, maxLength: 64, pattern: '\\S' })

export const LoginRequest = Type.Object(
  {
    platform: StringEnum(PLATFORMS),
    /** weapp: Taro.login code; alipay: my.getAuthCode authCode; h5 (sandbox only): "sandbox:<phone>" */
    code: Type.String({ minLength: 1, maxLength: 512 }),
    /** The privacy-policy version the user agreed to before logging in. */
    consentVersion: ConsentVersion,
  },
  { additionalProperties: false },
)
export type LoginRequest = Static<typeof LoginRequest>

export const ConsentState = Type.Object(
  { accepted: Type.Boolean(), version: Nullable(Type.String()), at: Nullable(DateTime()) },
  { additionalProperties: false },
)
export type ConsentState = Static<typeof ConsentState>

export const UserProfile = Type.Object(
  {
    id: Uuid(),
    name: Nullable(Type.String()),
    /** e.g. 138****0001; never the full number. */
    phoneMasked: Nullable(Type.String(), { description: '脱敏手机号，如 138****0001' }),
    /** e.g. 4101**********123X; never the full number. */
    idNumberMasked: Nullable(Type.String(), { description: '脱敏身份证号，如 4101**********123X' }),
    consent: ConsentState,
    currentEnterpriseId: Nullable(Uuid()),
  },
  { additionalProperties: false },
)
export type UserProfile = Static<typeof UserProfile>

export const LoginResponse = Type.Object(
  { token: Type.String(), expiresAt: DateTime(), user: UserProfile },
  { additionalProperties: false },
)
export type LoginResponse = Static<typeof LoginResponse>

export const UpdateConsentRequest = Type.Object(
  { accepted: Type.Boolean(), version: ConsentVersion },
  { additionalProperties: false },
)
export type UpdateConsentRequest = Static<typeof UpdateConsentRequest>

export const SetCurrentEnterpriseRequest = Type.Object({ enterpriseId: IdParam() }, { additionalProperties: false })
export type SetCurrentEnterpriseRequest = Static<typeof SetCurrentEnterpriseRequest>

// ---- enterprises ----

const enterpriseSummaryProperties = {
  id: Uuid(),
  name: Type.String(),
  /** 统一社会信用代码 (public registry data, not masked). */
  uscc: Type.String({ description: '统一社会信用代码' }),
  role: StringEnum(ENTERPRISE_ROLES),
}

export const EnterpriseSummary = Type.Object(enterpriseSummaryProperties, { additionalProperties: false })
export type EnterpriseSummary = Static<typeof EnterpriseSummary>

export const EnterpriseProfile = Type.Object(
  {
    ...enterpriseSummaryProperties,
    legalRepresentative: Type.String(),
    /** GB/T 4754-2017 code, e.g. "C3311". */
    industryCode: Type.String({ description: 'GB/T 4754-2017 行业代码' }),
    industryName: Type.String(),
    address: Type.String(),
    /** As registered: a GB/T 2260 code, or (older records) the area's name. */
    region: Type.String(),
    /** The region as province · city · district names (GB/T 2260); empty when `region` names no known area. */
    regionPath: Type.Array(Type.Object({ code: Type.String(), name: Type.String() }, { additionalProperties: false }), {
      description: '所在地区：省、市、区县（GB/T 2260）；无法识别时为空',
    }),
    registeredCapitalWan: Type.Number({ description: '注册资本（万元）' }),
    foundedOn: IsoDay(),
    employees: Nullable(Type.Integer()),
  },
  { additionalProperties: false },
)
export type EnterpriseProfile = Static<typeof EnterpriseProfile>

/** PUT /enterprises/:id/region (the legal representative corrects the region): a district, or a city without districts. */
export const EnterpriseRegionRequest = Type.Object(
  { regionCode: Type.String({ pattern: '^[0-9]{6}$', description: 'GB/T 2260 行政区划代码' }) },
  { additionalProperties: false },
)
export type EnterpriseRegionRequest = Static<typeof EnterpriseRegionRequest>

// ---- inbox ----

export type InboxLink =
  | { kind: 'licence'; licenceId: string }
  | { kind: 'policy'; policyId: string }
  | { kind: 'complaint'; complaintId: string }
  /** a 用章报告 of the message's enterprise ('YYYY-MM') */
  | { kind: 'seal-report'; month: string }
  /** the 用章记录 of the message's enterprise (a 用章提醒) */
  | { kind: 'seal-audit' }
  /** a compliance deadline of the message's enterprise (a 合规提醒 of 年报, 纳税申报, 信用修复): its key and day */
  | { kind: 'compliance-item'; key: string; date: string }
  | { kind: 'none' }

/** One object listing every link's fields (the union above is the type). */
const InboxLinkSchema = Type.Unsafe<InboxLink>(
  Type.Object(
    {
      kind: StringEnum([
        'licence',
        'policy',
        'complaint',
        'seal-report',
        'seal-audit',
        'compliance-item',
        'none',
      ] as const),
      licenceId: Type.Optional(Type.String()),
      policyId: Type.Optional(Type.String()),
      complaintId: Type.Optional(Type.String()),
      month: Type.Optional(Type.String()),
      key: Type.Optional(Type.String()),
      date: Type.Optional(Type.String()),
    },
    { additionalProperties: false },
  ),
)

export const InboxMessage = Type.Object(
  {
    id: Uuid(),
    enterpriseId: Nullable(Uuid()),
    kind: StringEnum(INBOX_KINDS),
    title: Type.String(),
    body: Type.String(),
    link: InboxLinkSchema,
    createdAt: DateTime(),
    readAt: Nullable(DateTime()),
  },
  { additionalProperties: false },
)
export type InboxMessage = Static<typeof InboxMessage>

export const InboxPage = Type.Object(
  {
    items: Type.Array(InboxMessage),
    unread: Type.Integer(),
    /** pass as ?before= for the next page; null at the end */
    nextCursor: Nullable(Type.String(), { description: '下一页的 before 参数；没有更多时为 null' }),
  },
  { additionalProperties: false },
)
export type InboxPage = Static<typeof InboxPage>

// ---- reminder settings and subscriptions ----

export const REMINDER_CHANNELS = ['inbox', 'wechat', 'alipay'] as const
export type ReminderChannel = (typeof REMINDER_CHANNELS)[number]

export const ReminderSettings = Type.Object(
  {
    /** days before the renewal deadline, each 0–365, unique */
    offsets: Type.Array(Type.Integer({ minimum: 0, maximum: 365 }), {
      maxItems: 10,
      uniqueItems: true,
      description: '截止日前多少天提醒（0–365，不重复，最多 10 个）',
    }),
    /** one more reminder on the expiry day itself */
    onExpiryDay: Type.Boolean(),
    channels: Type.Object(
      { inbox: Type.Boolean(), wechat: Type.Boolean(), alipay: Type.Boolean() },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
)
export type ReminderSettings = Static<typeof ReminderSettings>

const SUBSCRIBE_RESULTS = ['accept', 'reject', 'ban'] as const
export type SubscribeResult = (typeof SUBSCRIBE_RESULTS)[number]
const SubscribeResultSchema = StringEnum(SUBSCRIBE_RESULTS)
const SubscribePlatform = StringEnum(['weapp', 'alipay'] as const)

export const SubscribeTemplate = Type.Object(
  {
    id: Type.String(),
    /** what the template announces, e.g. 「证照续期提醒」 */
    title: Type.String(),
  },
  { additionalProperties: false },
)
export type SubscribeTemplate = Static<typeof SubscribeTemplate>

export const SubscriptionState = Type.Object(
  {
    platform: SubscribePlatform,
    /** at most 3 per request on both platforms */
    templates: Type.Array(SubscribeTemplate),
    results: Type.Unsafe<Record<string, SubscribeResult | null>>({
      type: 'object',
      additionalProperties: { anyOf: [SubscribeResultSchema, { type: 'null' }] },
    }),
  },
  { additionalProperties: false },
)
export type SubscriptionState = Static<typeof SubscriptionState>

export const SubscriptionQuery = Type.Object(
  { platform: SubscribePlatform, purpose: Type.Optional(StringEnum(SUBSCRIBE_PURPOSES)) },
  { additionalProperties: false },
)

export const RecordSubscriptionsRequest = Type.Object(
  {
    platform: SubscribePlatform,
    results: Type.Unsafe<Record<string, SubscribeResult>>({
      type: 'object',
      minProperties: 1,
      maxProperties: 3,
      propertyNames: { maxLength: 128 },
      additionalProperties: SubscribeResultSchema,
    }),
  },
  { additionalProperties: false },
)
export type RecordSubscriptionsRequest = Static<typeof RecordSubscriptionsRequest>

// ---- admin: external systems, reminder runs ----

const HOST_LABEL = '[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?'

/** Host names (no scheme, port or path), compared exactly with a callback URL's host. */
const CallbackHosts = Nullable(
  Type.Array(Type.String({ maxLength: 253, pattern: `^${HOST_LABEL}(\\.${HOST_LABEL})*$` }), { maxItems: 20 }),
  { description: '签章任务回调地址允许的域名（完整域名，不含协议与端口）；null 表示任何公网域名' },
)

export const CreateSystemRequest = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
    /** What the system may do, e.g. "sign-tasks", "licence-import". */
    scopes: Type.Array(Type.String({ pattern: '^[a-z][a-z0-9-]{0,39}$' }), {
      minItems: 1,
      maxItems: 20,
      uniqueItems: true,
    }),
    /** Host names its sign-task callbacks may go to; omitted or null: any public host. */
    callbackHosts: Type.Optional(CallbackHosts),
  },
  { additionalProperties: false },
)
export type CreateSystemRequest = Static<typeof CreateSystemRequest>

export const SetCallbackHostsRequest = Type.Object({ callbackHosts: CallbackHosts }, { additionalProperties: false })
export type SetCallbackHostsRequest = Static<typeof SetCallbackHostsRequest>

const systemBaseProperties = {
  id: Uuid(),
  name: Type.String(),
  scopes: Type.Array(Type.String()),
  callbackHosts: Nullable(Type.Array(Type.String()), {
    description: '签章任务回调地址允许的域名；null 表示任何公网域名',
  }),
  createdAt: DateTime(),
}

export const SystemSummary = Type.Object(
  { ...systemBaseProperties, revokedAt: Nullable(DateTime()) },
  { additionalProperties: false },
)
export type SystemSummary = Static<typeof SystemSummary>

export const SystemCreated = Type.Object(
  { ...systemBaseProperties, apiKey: Type.String({ description: '仅在创建时返回一次' }) },
  { additionalProperties: false },
)
export type SystemCreated = Static<typeof SystemCreated>

const SystemIdParams = Type.Object({ id: IdParam() }, { additionalProperties: false })

const ChannelCounts = Type.Object(
  { inbox: Type.Integer(), wechat: Type.Integer(), alipay: Type.Integer() },
  { additionalProperties: false },
)

export const ReminderRunReport = Type.Object(
  {
    date: IsoDay(),
    /** (licence, offset, user) reminders due on the date */
    due: Type.Integer({ description: '当日应提醒的（证照, 提前天数, 用户）数' }),
    delivered: ChannelCounts,
    /** already delivered by an earlier run */
    skipped: Type.Integer({ description: '之前的运行已发送' }),
    failed: Type.Integer(),
    /** not sendable for good: the user refused or has no subscription left, the platform rejected the
     * message, or the licence stopped being due (renewal started, cancelled, deleted) */
    undeliverable: Type.Integer(),
  },
  { additionalProperties: false },
)
export type ReminderRunReport = Static<typeof ReminderRunReport>

const RunRemindersBody = Nullable(
  Type.Object(
    { date: Type.Optional(IsoDay({ description: '默认今天（中国时间）' })) },
    { additionalProperties: false },
  ),
)

const noContent = { 204: Type.Null() }

/** The schemas of each account operation, by the operation's name in ./endpoints.ts. */
export const ops = {
  getHealth: { response: { 200: HealthResponse } },
  systemWhoAmI: { errors: ['SYSTEM_KEY_INVALID'], response: { 200: SystemWhoAmI } },
  login: {
    errors: ['LOGIN_CODE_INVALID', 'LOGIN_PROVIDER_UNAVAILABLE', 'LOGIN_PLATFORM_UNAVAILABLE', 'SANDBOX_DISABLED'],
    body: LoginRequest,
    response: { 200: LoginResponse },
  },
  logout: { response: noContent },
  getMe: { response: { 200: UserProfile } },
  updateConsent: { body: UpdateConsentRequest, response: { 200: UserProfile } },
  setCurrentEnterprise: { body: SetCurrentEnterpriseRequest, response: { 200: UserProfile } },
  listMyEnterprises: { response: { 200: Type.Array(EnterpriseSummary) } },
  getEnterprise: { params: EnterpriseIdParams, response: { 200: EnterpriseProfile } },
  updateEnterpriseRegion: {
    params: EnterpriseIdParams,
    body: EnterpriseRegionRequest,
    response: { 200: EnterpriseProfile },
  },
  listInbox: {
    query: Type.Object(
      { before: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,17}$' })) },
      { additionalProperties: false },
    ),
    response: { 200: InboxPage },
  },
  markAllRead: { response: noContent },
  markRead: {
    params: Type.Object({ id: IdParam() }, { additionalProperties: false }),
    response: noContent,
  },
  getReminderSettings: { response: { 200: ReminderSettings } },
  saveReminderSettings: { body: ReminderSettings, response: { 200: ReminderSettings } },
  getSubscriptions: { query: SubscriptionQuery, response: { 200: SubscriptionState } },
  recordSubscriptions: { body: RecordSubscriptionsRequest, response: { 200: SubscriptionState } },
  createSystem: { body: CreateSystemRequest, response: { 201: SystemCreated } },
  listSystems: { response: { 200: Type.Array(SystemSummary) } },
  setSystemCallbackHosts: {
    params: SystemIdParams,
    body: SetCallbackHostsRequest,
    response: { 200: SystemSummary },
  },
  revokeSystem: { params: SystemIdParams, response: { 200: SystemSummary } },
  runReminders: { errors: ['REMINDER_RUN_IN_PROGRESS'], body: RunRemindersBody, response: { 200: ReminderRunReport } },
} satisfies { [name: string]: OperationSchemas }
