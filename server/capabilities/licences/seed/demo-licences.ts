import { randomUUID } from 'node:crypto'
import type { LicenceStatus } from '../../../../src/contract/licences/schemas'
import type { Queryable } from '../../../kernel/db/db'
import { addDays, addYears, fromDayNumber, toDayNumber, type IsoDate } from '../../../../src/domain/calendar/dates'
import { LICENCE_CATALOGUE, findLicenceType } from '../../../../src/domain/licences/catalogue'
import { renewalDeadlineDays } from '../../../../src/domain/licences/deadline'
import type { AuthorityKind, LicenceType } from '../../../../src/domain/licences/licenceType'
import { insertLicence, type LicenceFactsRecord } from '../licence-repo'
import { storedDeadline } from '../stored-deadline'
import type { DemoEnterprise } from '../../../kernel/seed/demo-data'

/**
 * Demo licences: every enterprise holds one licence in each status, dated around `today` so the
 * demo never goes stale — 需立即办理, 临近续期, 已逾期未续, 已过期, 续期办理中, 有效, 已注销 — of
 * types its industry really needs (a frozen-food maker: 食品生产许可证, 排污许可证…).
 */

/** Per enterprise, one type per status, in DEMO_STATUSES order. */
const DEMO_TYPES: Record<string, string[]> = {
  ruifeng: [
    'food-production',
    'special-equipment-inspection',
    'pollutant-discharge',
    'food-business',
    'sewage-discharge-to-network',
    'industrial-product-production',
    'road-transport-operation',
  ],
  jianfeng: [
    'construction-safety-production',
    'special-equipment-inspection',
    'construction-enterprise-qualification',
    'hazchem-use',
    'pollutant-discharge',
    'special-equipment-production',
    'road-transport-operation',
  ],
  zhilian: [
    'pollutant-discharge',
    'hazchem-use',
    'radiation-safety',
    'special-equipment-inspection',
    'industrial-product-production',
    'value-added-telecom',
    'labour-dispatch',
  ],
  yunfan: [
    'value-added-telecom',
    'internet-culture',
    'human-resources-service',
    'publication-business',
    'labour-dispatch',
    'commercial-performance',
    'entertainment-venue',
  ],
  yuxiang: [
    'food-business',
    'public-venue-hygiene',
    'liquor-business',
    'special-equipment-inspection',
    'tobacco-retail',
    'sewage-discharge-to-network',
    'entertainment-venue',
  ],
  hengxin: [
    'human-resources-service',
    'labour-dispatch',
    'value-added-telecom',
    'publication-business',
    'internet-culture',
    'public-venue-hygiene',
    'road-transport-operation',
  ],
}

const DEMO_STATUSES: LicenceStatus[] = [
  'urgent',
  'renewal-due',
  'deadline-missed',
  'expired',
  'renewing',
  'valid',
  'cancelled',
]

const AUTHORITY_NAMES: Record<AuthorityKind, string> = {
  'ecology-environment': '生态环境局',
  'housing-construction': '住房和城乡建设局',
  'emergency-management': '应急管理局',
  water: '水利局',
  'market-regulation': '市场监督管理局',
  'drug-administration': '药品监督管理局',
  health: '卫生健康委员会',
  'human-resources': '人力资源和社会保障局',
  telecom: '通信管理局',
  'culture-tourism': '文化广电和旅游局',
  'press-publication': '新闻出版局',
  transport: '交通运输局',
  tobacco: '烟草专卖局',
  commerce: '商务局',
  'administrative-approval': '行政审批服务局',
}

/** Provincial authorities issue telecom and safety-production licences; the city the rest. */
function authorityFor(type: LicenceType, enterprise: DemoEnterprise): string {
  const province = /^(.+?省)/.exec(enterprise.region)?.[1] ?? ''
  const city = /省(.+?市)/.exec(enterprise.region)?.[1] ?? enterprise.region
  const provincial = type.authorityKind === 'telecom' || type.code === 'construction-safety-production'
  return `${provincial ? province : city}${AUTHORITY_NAMES[type.authorityKind]}`
}

/** The first expiry whose renewal deadline is `daysToDeadline` or more days after today. */
function expiryForDeadlineIn(type: LicenceType, today: IsoDate, daysToDeadline: number): IsoDate {
  const todayDay = toDayNumber(today)
  for (let expiry = todayDay + Math.max(1, daysToDeadline); ; expiry++) {
    if (renewalDeadlineDays(expiry, type.leadRule).latest - todayDay >= daysToDeadline) return fromDayNumber(expiry)
  }
}

interface DemoLicenceDates {
  expiresOn: IsoDate
  renewalStartedOn?: IsoDate
  cancelledOn?: IsoDate
}

function datesFor(status: LicenceStatus, type: LicenceType, today: IsoDate): DemoLicenceDates {
  switch (status) {
    case 'urgent': {
      // Exactly 3 or 7 days out where the calendar allows: reminder days, so the reminder run on
      // the day of seeding (the README's walkthrough) has something to deliver.
      for (const reminderDay of [3, 7]) {
        const exact = expiryForDeadlineIn(type, today, reminderDay)
        if (renewalDeadlineDays(toDayNumber(exact), type.leadRule).latest - toDayNumber(today) === reminderDay) {
          return { expiresOn: exact }
        }
      }
      // Else a few days out; nearer when a holiday leaves no working day then (none at all in
      // the first days of 春节: the licence then shows 临近续期).
      const soon = expiryForDeadlineIn(type, today, 3)
      const days = renewalDeadlineDays(toDayNumber(soon), type.leadRule).latest - toDayNumber(today)
      return { expiresOn: days <= 7 ? soon : expiryForDeadlineIn(type, today, 0) }
    }
    case 'renewal-due':
      return { expiresOn: expiryForDeadlineIn(type, today, 20) }
    case 'deadline-missed':
      // The deadline passed a few days ago; the licence is still valid for a while.
      return { expiresOn: addDays(expiryForDeadlineIn(type, today, 0), -4) }
    case 'expired':
      return { expiresOn: addDays(today, -25) }
    case 'renewing':
      return { expiresOn: expiryForDeadlineIn(type, today, 2), renewalStartedOn: addDays(today, -3) }
    case 'valid':
      return { expiresOn: addDays(today, 300) }
    case 'cancelled':
      return { expiresOn: addDays(today, 200), cancelledOn: addDays(today, -40) }
  }
}

function demoNumber(type: LicenceType, enterprise: DemoEnterprise, serial: number): string {
  const division = enterprise.usccParts.division
  const tail = String(1000 + serial * 37).padStart(5, '0')
  switch (type.code) {
    case 'food-production':
      return `SC1${division.slice(0, 2)}${division}${tail}`
    case 'food-business':
      return `JY1${division}${tail}`
    case 'pollutant-discharge':
      return `${enterprise.usccParts.orgBody}${tail}001V`
    case 'value-added-telecom':
      return `${enterprise.region.startsWith('浙江') ? '浙' : '豫'}B2-2023${tail.slice(1)}`
    default:
      return `${type.name.slice(0, 2)}〔${division}〕${tail}号`
  }
}

export interface DemoLicence {
  /** the status it is meant to show on `today` */
  status: LicenceStatus
  type: LicenceType
  facts: LicenceFactsRecord
  renewalStartedOn: IsoDate | null
  cancelledOn: IsoDate | null
}

/** The demo licences of one enterprise as of `today`: one per status. */
export function demoLicences(enterprise: DemoEnterprise, today: IsoDate): DemoLicence[] {
  const codes = DEMO_TYPES[enterprise.key] ?? DEMO_TYPES.ruifeng
  return DEMO_STATUSES.map((status, index) => {
    const type = findLicenceType(LICENCE_CATALOGUE, codes[index])
    if (!type) throw new Error(`demo licence type ${codes[index]} is not in the catalogue`)
    const dates = datesFor(status, type, today)
    const number = demoNumber(type, enterprise, index)
    return {
      status,
      type,
      facts: {
        typeCode: type.code,
        number,
        authority: authorityFor(type, enterprise),
        issuedOn: addYears(dates.expiresOn, -(type.validityYears ?? 3)),
        expiresOn: dates.expiresOn,
        scope: type.code.startsWith('food') ? '预包装食品销售；速冻食品（速冻面米食品）' : null,
      },
      renewalStartedOn: dates.renewalStartedOn ?? null,
      cancelledOn: dates.cancelledOn ?? null,
    }
  })
}

/** Writes the demo licences, with one old certificate in the history of the valid one. */
export async function seedDemoLicences(
  tx: Queryable,
  enterprise: DemoEnterprise,
  enterpriseId: string,
  today: IsoDate,
): Promise<void> {
  for (const licence of demoLicences(enterprise, today)) {
    const { facts, type } = licence
    const row = await insertLicence(tx, enterpriseId, facts, storedDeadline(facts.expiresOn, type.leadRule), 'seed')
    await tx.query('update licences set renewal_started_on = $2, cancelled_on = $3 where id = $1', [
      row.id,
      licence.renewalStartedOn,
      licence.cancelledOn,
    ])
    if (licence.status === 'valid') {
      await tx.query(
        `insert into licence_history (licence_id, number, issued_on, expires_on, replaced_on) values ($1, $2, $3, $4, $5)`,
        [
          row.id,
          `${facts.number}-旧`,
          addYears(facts.issuedOn, -(type.validityYears ?? 3)),
          facts.issuedOn,
          facts.issuedOn,
        ],
      )
    }
  }
}

/** A first inbox message, so the message centre is not empty before the first reminder run. */
export async function seedWelcomeMessage(tx: Queryable, userId: string): Promise<void> {
  await tx.query(`insert into inbox_messages (id, user_id, kind, title, body) values ($1, $2, 'system', $3, $4)`, [
    randomUUID(),
    userId,
    '欢迎使用许证闹钟',
    '登记企业的证照后，我们会按续期申请截止日提前提醒您（默认提前 60、30、15、7、3、1 天及到期当日），可在「提醒设置」中调整。',
  ])
}
