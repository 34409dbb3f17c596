import { useCallback, useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import type { TimelineItem, TimelineKind, TimelineResponse } from '../../contract/compliance/schemas'
import { getMyTimeline } from '../../api/compliance/getMyTimeline'
import { clearItemState, setItemState } from '../../api/compliance/setItemState'
import { isPermissionRefusal, userMessage } from '../../api/errors'
import { apiClient } from '../../core/apiClient'
import { addDays, chinaDateOf } from '../../domain/calendar/dates'
import { ariaProps } from '../../platform/aria'
import { toast } from '../../platform/feedback'
import { ActionButton } from '../../ui/ActionButton'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { DateField } from '../../ui/DateField'
import { ErrorText } from '../../ui/ErrorText'
import { StatusView } from '../../ui/StatusView'
import { ToggleChip } from '../../ui/ToggleChip'
import { daysText, KIND_ICONS, KIND_LABELS, KINDS } from './kinds'
import { monthRange, monthWeeks, shiftMonth } from './monthGrid'

type View_ = 'upcoming' | 'month'
type Load =
  | { kind: 'loading' }
  | { kind: 'error'; text: string; refused: boolean }
  | { kind: 'ready'; timeline: TimelineResponse }

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日']

/**
 * 合规日历: every deadline of every enterprise the user may act for — licences, 年报, 纳税申报,
 * 信用修复, 政策申报, 诉求 — as 近期待办 (the next 30 days, most urgent first) or a month with marks
 * per day; filtered by kind and by enterprise (with counts, for agents keeping many companies).
 * 已办 asks first and can be undone; 稍后提醒 takes a day.
 */
export function ComplianceCalendarScreen(props: {
  onOpen: (item: TimelineItem) => void
  onSettings: () => void
  onSubscribe?: () => void
}) {
  const today = chinaDateOf(Date.now())
  const [view, setView] = useState<View_>('upcoming')
  const [month, setMonth] = useState({ year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) })
  const [selectedDay, setSelectedDay] = useState<string | null>(null)
  const [kinds, setKinds] = useState<readonly TimelineKind[]>(KINDS)
  const [enterpriseId, setEnterpriseId] = useState<string | null>(null)
  const [grouped, setGrouped] = useState(false)
  const [load, setLoad] = useState<Load>({ kind: 'loading' })
  const [asking, setAsking] = useState<{ what: 'done' | 'snooze'; item: TimelineItem } | null>(null)
  const [snoozeDay, setSnoozeDay] = useState('')
  const [actionError, setActionError] = useState<string | null>(null)
  const [undo, setUndo] = useState<TimelineItem | null>(null)
  const [busy, setBusy] = useState(false)

  const range = view === 'upcoming' ? { from: today, to: addDays(today, 30) } : monthRange(month.year, month.month)

  const refresh = useCallback(async () => {
    try {
      const timeline = await getMyTimeline(apiClient, { from: range.from, to: range.to, kinds })
      setLoad({ kind: 'ready', timeline })
    } catch (e) {
      setLoad({ kind: 'error', text: userMessage(e), refused: isPermissionRefusal(e) })
    }
  }, [range.from, range.to, kinds])

  useEffect(() => {
    void refresh()
  }, [refresh])

  const perform = async (work: () => Promise<void>) => {
    if (busy) return
    setBusy(true)
    setActionError(null)
    try {
      await work()
      setAsking(null)
      await refresh()
    } catch (e) {
      setActionError(userMessage(e))
    } finally {
      setBusy(false)
    }
  }

  const markDone = (item: TimelineItem) =>
    perform(async () => {
      await setItemState(apiClient, item.enterpriseId, item.key, { state: 'done' })
      setUndo(item)
      toast(item.kind === 'annual-report' ? '已标记为已报送' : '已标记为已办', 'success')
    })

  const undoDone = (item: TimelineItem) =>
    perform(async () => {
      await clearItemState(apiClient, item.enterpriseId, item.key)
      setUndo(null)
      toast('已撤销', 'success')
    })

  const snooze = (item: TimelineItem, until: string) =>
    perform(async () => {
      await setItemState(apiClient, item.enterpriseId, item.key, { state: 'snoozed', until })
      toast(`将于 ${until} 再提醒`, 'success')
    })

  const toggleKind = (kind: TimelineKind, on: boolean) =>
    setKinds((all) => (on ? KINDS.filter((k) => k === kind || all.includes(k)) : all.filter((k) => k !== kind)))

  if (load.kind === 'loading') return <StatusView kind='loading' />
  if (load.kind === 'error')
    return <StatusView kind='error' text={load.text} refused={load.refused} onRetry={() => void refresh()} />

  const { timeline } = load
  const shown = timeline.items.filter(
    (i) =>
      (enterpriseId === null || i.enterpriseId === enterpriseId) && (selectedDay === null || i.date === selectedDay),
  )
  const several = timeline.enterprises.length > 1

  const itemRow = (item: TimelineItem) => (
    <View key={`${item.enterpriseId}-${item.key}`} className='card compliance-item'>
      <View className='row'>
        <View className='compliance-item__kind'>
          <View className={`compliance-icon compliance-icon--${item.kind}`}>{KIND_ICONS[item.kind]}</View>
          <View>{KIND_LABELS[item.kind]}</View>
        </View>
        <View className={item.daysRemaining <= 3 ? 'compliance-days compliance-days--soon' : 'compliance-days'}>
          {daysText(item)}
        </View>
      </View>
      <View
        className='title link'
        ariaRole='link'
        ariaLabel={`${KIND_LABELS[item.kind]}：${item.title}，${item.enterpriseName}，${item.date}，${daysText(item)}，查看详情`}
        onClick={() => props.onOpen(item)}
      >
        {item.title}
      </View>
      <View className='muted'>
        {`${item.enterpriseName} · ${item.kind === 'credit-repair' ? '可申请日' : '截止日'} ${item.date}${item.estimated ? '（预计）' : ''}`}
      </View>
      {item.state === 'snoozed' ? <View className='muted'>{`已设 ${item.snoozedUntil} 再提醒`}</View> : null}
      <View className='row'>
        <ActionButton
          variant='secondary'
          label={item.kind === 'annual-report' ? `已报送：${item.title}` : `已办：${item.title}`}
          disabled={busy}
          onClick={() => setAsking({ what: 'done', item })}
        >
          {item.kind === 'annual-report' ? '已报送' : '已办'}
        </ActionButton>
        <ActionButton
          variant='secondary'
          label={`稍后提醒：${item.title}`}
          disabled={busy || item.daysRemaining <= 0}
          onClick={() => {
            setSnoozeDay(addDays(today, 1) <= item.date ? addDays(today, 1) : item.date)
            setAsking({ what: 'snooze', item })
          }}
        >
          稍后提醒
        </ActionButton>
      </View>
    </View>
  )

  const groups = grouped
    ? timeline.enterprises
        .filter((e) => enterpriseId === null || e.enterpriseId === enterpriseId)
        .map((e) => ({ e, items: shown.filter((i) => i.enterpriseId === e.enterpriseId) }))
    : null

  return (
    <View>
      <View className='chips' ariaLabel='查看方式'>
        {(['upcoming', 'month'] as const).map((v) => (
          <View
            key={v}
            className={view === v ? 'chip chip--control chip--selected' : 'chip chip--control'}
            ariaRole='button'
            {...ariaProps({ pressed: view === v })}
            ariaLabel={v === 'upcoming' ? '近期待办（未来30天）' : '月历'}
            onClick={() => {
              setSelectedDay(null)
              setView(v)
            }}
          >
            {v === 'upcoming' ? '近期待办' : '月历'}
          </View>
        ))}
      </View>

      <View className='card'>
        <View className='muted'>按类型筛选</View>
        <View className='chips'>
          {KINDS.map((kind) => (
            <ToggleChip
              key={kind}
              label={`显示${KIND_LABELS[kind]}`}
              text={KIND_LABELS[kind]}
              checked={kinds.includes(kind)}
              onChange={(on) => toggleKind(kind, on)}
            />
          ))}
        </View>
        {several ? (
          <View>
            <View className='muted'>按企业筛选（件数为当前范围内）</View>
            <View className='chips'>
              <ToggleChip
                label={`全部企业，共 ${timeline.items.length} 项`}
                text={`全部 ${timeline.items.length}`}
                checked={enterpriseId === null}
                onChange={() => setEnterpriseId(null)}
              />
              {timeline.enterprises.map((e) => (
                <ToggleChip
                  key={e.enterpriseId}
                  label={`${e.enterpriseName}，${e.count} 项`}
                  text={`${e.enterpriseName} ${e.count}`}
                  checked={enterpriseId === e.enterpriseId}
                  onChange={(on) => setEnterpriseId(on ? e.enterpriseId : null)}
                />
              ))}
            </View>
            <ToggleChip label='按企业分组' text='按企业分组' checked={grouped} onChange={setGrouped} />
          </View>
        ) : null}
      </View>

      {view === 'month' ? (
        <View className='card'>
          <View className='row'>
            <ActionButton
              variant='secondary'
              label='上个月'
              onClick={() => {
                setSelectedDay(null)
                setMonth(shiftMonth(month.year, month.month, -1))
              }}
            >
              ‹ 上月
            </ActionButton>
            <View className='title'>{`${month.year}年${month.month}月`}</View>
            <ActionButton
              variant='secondary'
              label='下个月'
              onClick={() => {
                setSelectedDay(null)
                setMonth(shiftMonth(month.year, month.month, 1))
              }}
            >
              下月 ›
            </ActionButton>
          </View>
          <View className='month-grid'>
            <View className='month-grid__week'>
              {WEEKDAYS.map((d) => (
                <View key={d} className='month-grid__head'>
                  {d}
                </View>
              ))}
            </View>
            {monthWeeks(month.year, month.month).map((week, w) => (
              <View key={w} className='month-grid__week'>
                {week.map((cell, d) => {
                  if (!cell) return <View key={d} className='month-grid__day month-grid__day--pad' />
                  const count = timeline.items.filter(
                    (i) => i.date === cell.date && (enterpriseId === null || i.enterpriseId === enterpriseId),
                  ).length
                  const classes = [
                    'month-grid__day',
                    cell.date === today ? 'month-grid__day--today' : '',
                    selectedDay === cell.date ? 'month-grid__day--selected' : '',
                  ]
                  return (
                    <View
                      key={d}
                      className={classes.filter(Boolean).join(' ')}
                      ariaRole='button'
                      {...ariaProps({ pressed: selectedDay === cell.date })}
                      ariaLabel={`${month.month}月${cell.day}日${count > 0 ? `，${count} 项期限` : ''}${cell.date === today ? '，今天' : ''}`}
                      onClick={() => setSelectedDay(selectedDay === cell.date ? null : cell.date)}
                    >
                      <View>{cell.day}</View>
                      {count > 0 ? <View className='month-grid__mark'>{count}</View> : null}
                    </View>
                  )
                })}
              </View>
            ))}
          </View>
          {selectedDay ? (
            <ActionButton variant='secondary' label='显示整月' onClick={() => setSelectedDay(null)} />
          ) : null}
        </View>
      ) : null}

      {undo ? (
        <View className='card row' ariaRole='status'>
          <View>{`已将「${undo.title}」标记为${undo.kind === 'annual-report' ? '已报送' : '已办'}`}</View>
          <ActionButton
            variant='secondary'
            label={`撤销：${undo.title}`}
            disabled={busy}
            onClick={() => void undoDone(undo)}
          >
            撤销
          </ActionButton>
        </View>
      ) : null}
      <ErrorText message={asking ? null : actionError} />

      {shown.length === 0 ? (
        <StatusView
          kind='empty'
          text={view === 'upcoming' ? '未来30天没有需要办理的期限' : '这段时间没有需要办理的期限'}
          hint='填写税务设置、登记行政处罚后，相关期限会出现在这里'
        />
      ) : groups ? (
        groups.map(({ e, items }) => (
          <View key={e.enterpriseId}>
            <View className='title'>{`${e.enterpriseName}（${items.length} 项）`}</View>
            {items.map(itemRow)}
          </View>
        ))
      ) : (
        shown.map(itemRow)
      )}

      <ActionButton variant='secondary' label='税务设置与行政处罚记录' onClick={props.onSettings} />
      {props.onSubscribe ? <ActionButton variant='secondary' label='订阅到日历' onClick={props.onSubscribe} /> : null}

      {asking?.what === 'done' ? (
        <ConfirmDialog
          title={asking.item.kind === 'annual-report' ? '确认年报已报送？' : '确认已办？'}
          confirmLabel={asking.item.kind === 'annual-report' ? '已报送' : '已办'}
          confirmDisabled={busy}
          onConfirm={() => void markDone(asking.item)}
          onCancel={() => setAsking(null)}
        >
          <View>{`${asking.item.title}（${asking.item.enterpriseName}）`}</View>
          <View className='muted'>标记后不再提醒，也会从日历订阅中移除；如有误可以撤销。</View>
          <ErrorText message={actionError} />
        </ConfirmDialog>
      ) : null}
      {asking?.what === 'snooze' ? (
        <ConfirmDialog
          title='稍后提醒'
          confirmLabel='确定'
          confirmDisabled={busy || snoozeDay === ''}
          onConfirm={() => void snooze(asking.item, snoozeDay)}
          onCancel={() => setAsking(null)}
          // Escape belongs to the date picker inside (and would drop the day picked): only 取消 closes.
          escapeCancels={false}
        >
          <View>{`${asking.item.title}（${asking.item.enterpriseName}）`}</View>
          <DateField label='提醒日期' value={snoozeDay} onChange={setSnoozeDay} />
          <View className='muted'>{`可选择明天至 ${asking.item.date} 之间的日期`}</View>
          <ErrorText message={actionError} />
        </ConfirmDialog>
      ) : null}
    </View>
  )
}
