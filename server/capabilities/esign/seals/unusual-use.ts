import type { Queryable } from '../../../kernel/db/db'
import { chinaTime } from '../../../kernel/notify/message-fields'
import { chinaDateOf } from '../../../../src/domain/calendar/dates'
import {
  burstThreshold,
  BURST_BASELINE_HOURS,
  DEFAULT_USUAL_HOURS,
  isWithinUsualHours,
  UNUSUAL_USE_LABELS,
  type UnusualUseKind,
  type UsualHours,
} from '../../../../src/domain/seals/sealUsage'
import { minutesOf } from '../../../../src/domain/signing/sealRules'
import { recordSealNotice, type SealTemplates } from './seal-notices'
import { rulesOfSeals } from './seal-rules'

/**
 * 用章提醒: decided at the moment of use, inside the signing transaction (not by a job): the
 * alert is as certain as the signature it is about (a crash cannot commit one without the other)
 * and reaches the legal representative at once, when a misuse can still be stopped. The
 * seal_alerts primary key (seal, kind, China day) lets one of any number of racing signatures
 * raise it.
 */

/**
 * The hours a seal is normally used: its 用章规则 hours when the legal representative set them
 * (seal-rules.ts; a use outside them is refused before it gets here, so this mostly matters for a
 * working-days-only rule without hours), otherwise the default, working days 08:00–20:00 China time.
 */
export async function usualHoursOf(db: Queryable, seal: { id: string; type: string }): Promise<UsualHours> {
  const rules = (await rulesOfSeals(db, [seal.id])).get(seal.id)
  if (!rules?.hours)
    return rules?.workingDaysOnly ? { ...DEFAULT_USUAL_HOURS, workingDaysOnly: true } : DEFAULT_USUAL_HOURS
  return {
    workingDaysOnly: rules.workingDaysOnly,
    fromMinute: minutesOf(rules.hours.from),
    toMinute: minutesOf(rules.hours.to),
  }
}

export interface SealUse {
  seal: { id: string; type: string; name: string }
  enterpriseId: string
  enterpriseName: string
  system: { id: string; name: string } | null
  taskId: string
  atMs: number
}

/** Uses of the seal in the last hour, and its busy hours' counts in the 720 before. */
async function usesAround(tx: Queryable, sealId: string, atMs: number): Promise<{ lastHour: number; busy: number[] }> {
  const at = new Date(atMs).toISOString()
  const { rows } = await tx.query<{ hour: number; uses: number }>(
    `select floor(extract(epoch from ($2::timestamptz - created_at)) / 3600)::int as hour, count(*)::int as uses
     from seal_audit
     where seal_id = $1 and action = 'sign' and created_at > $2::timestamptz - make_interval(hours => $3::int)
     group by 1`,
    [sealId, at, BURST_BASELINE_HOURS + 1],
  )
  // Hour 0 is the last hour; a use stamped a moment after `at` (another clock) counts in it.
  const lastHour = rows.filter((row) => row.hour <= 0).reduce((sum, row) => sum + row.uses, 0)
  return { lastHour, busy: rows.filter((row) => row.hour >= 1).map((row) => row.uses) }
}

async function isNewSystem(tx: Queryable, use: SealUse): Promise<boolean> {
  if (!use.system) return false
  const { rows } = await tx.query<{ seen: boolean }>(
    `select exists (select 1 from seal_audit a join sign_tasks t on t.id = a.task_id
       where a.seal_id = $1 and a.action = 'sign' and t.system_id = $2 and a.task_id <> $3) as seen`,
    [use.seal.id, use.system.id, use.taskId],
  )
  return !rows[0].seen
}

/** Which kinds of unusual use this one is, and what to say about each. */
export async function unusualUseOf(tx: Queryable, use: SealUse): Promise<{ kind: UnusualUseKind; detail: string }[]> {
  const found: { kind: UnusualUseKind; detail: string }[] = []
  const hours = await usualHoursOf(tx, use.seal)
  if (!isWithinUsualHours(hours, use.atMs)) {
    const window = `${hours.workingDaysOnly ? '工作日' : '每天'}${clock(hours.fromMinute)}–${clock(hours.toMinute)}`
    found.push({ kind: 'off-hours', detail: `于${chinaTime(use.atMs)}使用，常用时段为${window}` })
  }
  const { lastHour, busy } = await usesAround(tx, use.seal.id, use.atMs)
  const threshold = burstThreshold(busy)
  if (lastHour > threshold) {
    found.push({ kind: 'burst', detail: `最近1小时使用${lastHour}次，超过通常上限${threshold}次` })
  }
  if (await isNewSystem(tx, use)) found.push({ kind: 'new-system', detail: `首次由「${use.system!.name}」调用` })
  return found
}

/**
 * A seal as people name it, and how the alert names it beside its enterprise. The platform's seals
 * carry the enterprise in their name (许昌瑞丰食品有限公司合同专用章), and the 公章 is the
 * enterprise's name alone: neither is repeated after 「<enterprise>的」, nor is the 公章 mistaken
 * for the enterprise itself.
 */
export function sealNamesOf(use: Pick<SealUse, 'seal' | 'enterpriseName'>): {
  seal: string
  inSentence: string
  withOwner: string
} {
  const { name } = use.seal
  const seal = name === use.enterpriseName ? `${name}公章` : name
  const owned = seal.startsWith(use.enterpriseName)
  return {
    seal,
    inSentence: owned ? seal : `${use.enterpriseName}的${seal}`,
    withOwner: owned ? seal : `${seal}（${use.enterpriseName}）`,
  }
}

function clock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`
}

/**
 * Raises the alerts this use calls for, at most one per (seal, kind, China day), each an inbox
 * notice (and a subscribe message row) to the legal representative. Returns the kinds raised.
 */
export async function raiseUnusualUseAlerts(
  tx: Queryable,
  use: SealUse,
  templates: SealTemplates,
): Promise<UnusualUseKind[]> {
  const raised: UnusualUseKind[] = []
  const day = chinaDateOf(use.atMs)
  for (const { kind, detail } of await unusualUseOf(tx, use)) {
    const { rows } = await tx.query(
      `insert into seal_alerts (seal_id, kind, china_day, enterprise_id, detail) values ($1, $2, $3, $4, $5)
       on conflict (seal_id, kind, china_day) do nothing returning seal_id`,
      [use.seal.id, kind, day, use.enterpriseId, detail],
    )
    if (!rows[0]) continue
    raised.push(kind)
    const label = UNUSUAL_USE_LABELS[kind]
    const names = sealNamesOf(use)
    await recordSealNotice(
      tx,
      {
        source: `alert:${use.seal.id}:${kind}:${day}`,
        enterpriseId: use.enterpriseId,
        title: `用章提醒：${names.seal}${label}`,
        body: `${names.inSentence}${label}：${detail}。请在「用章记录」中核对，如非本企业授权使用，请及时撤销相关授权。`,
        reportMonth: null,
        fieldValues: [`用章提醒：${label}`, names.withOwner, detail, chinaTime(use.atMs)],
      },
      templates,
    )
  }
  return raised
}
