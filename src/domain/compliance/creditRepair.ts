/**
 * 信用修复 of an administrative penalty (行政处罚信息) published on 信用中国.
 *
 * 国家发展改革委《失信行为纠正后的信用信息修复管理办法（试行）》(2023年第58号令, in force 1 May 2023)
 * and its implementing practice (as restated by local credit offices, e.g. 深圳市):
 * - the display period starts on the day the penalty decision was made (以行政处罚作出时间为准);
 * - 最短公示期 three months; one year for 特种设备、安全生产、消防 penalties; 最长公示期 three years,
 *   after which the record is taken down automatically;
 * - only after the minimum period has run out (最短公示期届满后) may the enterprise apply to end
 *   the display early (信用修复), having performed the penalty decision (paid the fine etc.);
 * - a decision with several kinds of penalty takes the longest period;
 * - 简易程序 penalties (警告、通报批评、较低数额罚款 given on the spot) are not published at all.
 *
 * Day arithmetic (民法典 第二百零一条、第二百零二条): the decision day is not counted; a period of N
 * months ends on the corresponding day N months later, or on that month's last day when it has no
 * such day. So a decision of 2026-01-31 has its three months end on 2026-04-30, and the earliest
 * application day is the day after: 2026-05-01. Applications are made online whatever the day, so
 * the date is not moved off holidays.
 */
import { addMonthsToDayNumber, fromDayNumber, isIsoDate, toDayNumber, type IsoDate } from '../calendar/dates'
import type { ComplianceItem } from './item'

/** The field of the penalty: the three named fields have a one-year minimum. */
export type PenaltyField = 'general' | 'special-equipment' | 'work-safety' | 'fire-safety'

export interface PenaltyRecord {
  enterpriseId: string
  /** the enterprise's own id for the record */
  penaltyId: string
  /** 行政处罚决定书 date */
  decidedOn: IsoDate
  field: PenaltyField
  /** 简易程序 (当场作出的警告、通报批评或较低数额罚款): not published on 信用中国 */
  simpleProcedure: boolean
  /** 决定书文号, shown in the title when given */
  decisionNumber?: string
}

export const PENALTY_FIELD_NAMES: Record<PenaltyField, string> = {
  general: '一般领域',
  'special-equipment': '特种设备领域',
  'work-safety': '安全生产领域',
  'fire-safety': '消防领域',
}

/** Minimum display in months per field; maximum 36 for all. */
export function minimumDisplayMonths(field: PenaltyField): number {
  return field === 'general' ? 3 : 12
}

export const MAXIMUM_DISPLAY_MONTHS = 36

export const CREDIT_REPAIR_BASIS =
  '国家发展改革委《失信行为纠正后的信用信息修复管理办法（试行）》（2023年第58号令）：行政处罚信息最短公示期届满后可申请信用修复'

/** What the application needs and where it goes, in Chinese (the national rules; local offices may ask more). */
export const CREDIT_REPAIR_REQUIREMENTS: readonly string[] = [
  '已履行行政处罚决定（如已缴清罚款、已整改），保留缴款凭证等证明材料',
  '信用修复申请书',
  '信用修复承诺书（守信承诺）',
  '营业执照、经办人身份证明及授权委托书（代办时）',
]

export const CREDIT_REPAIR_ENTRY =
  '「信用中国」网站（https://www.creditchina.gov.cn）›信用修复，或所在地信用网站、政务服务窗口'

export interface CreditRepairPlan {
  published: boolean
  /** last day of the minimum display period */
  minimumDisplayEndsOn?: IsoDate
  /** first day a repair application is accepted: the day after the minimum period */
  earliestApplyOn?: IsoDate
  /** last day on display: the record comes down by itself the day after */
  maximumDisplayEndsOn?: IsoDate
}

/** Periods of a penalty record; throws RangeError on a malformed decision date. */
export function creditRepairPlan(record: PenaltyRecord): CreditRepairPlan {
  if (record.simpleProcedure) return { published: false }
  const decided = toDayNumber(record.decidedOn)
  const minimumEnd = addMonthsToDayNumber(decided, minimumDisplayMonths(record.field))
  return {
    published: true,
    minimumDisplayEndsOn: fromDayNumber(minimumEnd),
    earliestApplyOn: fromDayNumber(minimumEnd + 1),
    maximumDisplayEndsOn: fromDayNumber(addMonthsToDayNumber(decided, MAXIMUM_DISPLAY_MONTHS)),
  }
}

/** Problems with a penalty record given by a user, in Chinese; [] when valid. */
export function penaltyRecordProblems(record: unknown): string[] {
  if (typeof record !== 'object' || record === null) return ['处罚记录格式不正确']
  const { decidedOn, field, simpleProcedure } = record as Record<string, unknown>
  const problems: string[] = []
  if (!isIsoDate(decidedOn)) problems.push('处罚决定日期须为 YYYY-MM-DD')
  if (typeof field !== 'string' || !(field in PENALTY_FIELD_NAMES)) problems.push('处罚领域不正确')
  if (typeof simpleProcedure !== 'boolean') problems.push('须说明是否适用简易程序')
  return problems
}

/**
 * The repair item when its earliest application day falls in `year` (the item that reminds on
 * that day); none for an unpublished (简易程序) penalty or another year.
 */
export function planCreditRepair(record: PenaltyRecord, year: number): ComplianceItem[] {
  const plan = creditRepairPlan(record)
  if (!plan.published || plan.earliestApplyOn === undefined || plan.maximumDisplayEndsOn === undefined) return []
  if (Number(plan.earliestApplyOn.slice(0, 4)) !== year) return []
  const number = record.decisionNumber ? `（${record.decisionNumber}）` : ''
  return [
    {
      kind: 'credit-repair',
      enterpriseId: record.enterpriseId,
      sourceId: `credit-repair:${record.penaltyId}`,
      title: `行政处罚信用修复${number}可申请`,
      opensOn: plan.earliestApplyOn,
      // The repair can be applied for until the record comes down by itself.
      dueDate: plan.maximumDisplayEndsOn,
      estimated: false,
      countsWorkingDays: false,
      reminders: [{ date: plan.earliestApplyOn, estimated: false }],
      legalBasis: `${CREDIT_REPAIR_BASIS}；${PENALTY_FIELD_NAMES[record.field]}最短公示${minimumDisplayMonths(record.field)}个月，最长3年`,
    },
  ]
}
