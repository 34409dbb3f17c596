import { useCallback, useEffect, useRef, useState } from 'react'
import { View } from '@tarojs/components'
import type { SealReportListItem, SealReportView } from '../../contract/esign/schemas'
import { getSealReport } from '../../api/seals/getSealReport'
import { listSealReports } from '../../api/seals/listSealReports'
import { getSubscriptions } from '../../api/reminders/getSubscriptions'
import { recordSubscriptions } from '../../api/reminders/recordSubscriptions'
import { apiClient } from '../../core/apiClient'
import { useEnterpriseContext } from '../../core/enterpriseContext'
import { PERMISSIONS, ROLE_LABELS, type EnterpriseRole } from '../../domain/access/permissions'
import { chinaMonthLabel, type SealReportLine } from '../../domain/seals/sealReport'
import { requestSubscribe, subscribeCapabilityHere } from '../../platform/subscribe'
import { ActionButton } from '../../ui/ActionButton'
import { StatusView } from '../../ui/StatusView'
import { useLoad } from './useLoad'

const READERS = PERMISSIONS['audit:read'].map((role) => ROLE_LABELS[role]).join('、')

/** Said instead of the server's refusal: who can read the reports, and whom to ask. */
export function reportRefusalText(role: EnterpriseRole | undefined): string {
  const yours = role ? `，您在该企业的身份是${ROLE_LABELS[role]}` : ''
  return `用章报告仅企业${READERS}可查看${yours}。`
}

/** '+3', '−2' or '持平' beside last month. */
export function changeText(line: Pick<SealReportLine, 'count' | 'previous'>): string {
  const change = line.count - line.previous
  if (change === 0) return '持平'
  return change > 0 ? `+${change}` : `−${-change}`
}

/** A table screen readers announce as one: caption, column headers, a row per line. */
function ReportTable(props: { caption: string; nameHeader: string; lines: SealReportLine[]; empty: string }) {
  return (
    <View className='card report-table' ariaRole='table' ariaLabel={props.caption}>
      <View className='title'>{props.caption}</View>
      {props.lines.length === 0 ? (
        <View className='muted'>{props.empty}</View>
      ) : (
        <>
          <View className='report-table__row muted' ariaRole='row'>
            <View className='report-table__name' ariaRole='columnheader'>
              {props.nameHeader}
            </View>
            <View className='report-table__num' ariaRole='columnheader'>
              本月
            </View>
            <View className='report-table__num' ariaRole='columnheader'>
              上月
            </View>
            <View className='report-table__num' ariaRole='columnheader'>
              变化
            </View>
          </View>
          {props.lines.map((line) => (
            <View key={line.key} className='report-table__row' ariaRole='row'>
              <View className='report-table__name' ariaRole='rowheader'>
                {line.label}
              </View>
              <View className='report-table__num' ariaRole='cell'>
                {line.count}
              </View>
              <View className='report-table__num' ariaRole='cell'>
                {line.previous}
              </View>
              <View className='report-table__num' ariaRole='cell'>
                {changeText(line)}
              </View>
            </View>
          ))}
        </>
      )}
    </View>
  )
}

function ReportDetail(props: { report: SealReportView }) {
  const { report } = props
  const previous = chinaMonthLabel(report.previousMonth)
  return (
    <View>
      <View className='card'>
        <View className='title'>{`${chinaMonthLabel(report.month)}用章报告`}</View>
        <View className='muted'>{report.enterpriseName}</View>
        <View>{`用章 ${report.uses} 次（${previous} ${report.previousUses} 次）`}</View>
        <View className={report.refused > 0 ? 'error-text' : undefined}>
          {`未通过的尝试 ${report.refused} 次（${previous} ${report.previousRefused} 次）`}
        </View>
        <View className='muted'>经办人姓名已脱敏。如有不认识的经办人或文件系统，请在「用章记录」中核对。</View>
      </View>
      <ReportTable caption='各印章用章次数' nameHeader='印章' lines={report.bySeal} empty='本企业尚无印章' />
      <ReportTable caption='各经办人用章次数' nameHeader='经办人' lines={report.byHandler} empty='本月无人用章' />
      <ReportTable
        caption='各文件系统用章次数'
        nameHeader='文件系统'
        lines={report.bySystem}
        empty='本月无文件系统调用'
      />
      <ReportTable
        caption='未通过的尝试（按原因）'
        nameHeader='原因'
        lines={report.refusedByReason}
        empty='本月无未通过的尝试'
      />
    </View>
  )
}

/** Asks for the 'seal' subscribe message from a tap (WeChat refuses the prompt after an await). */
function useSealSubscription(): (() => void) | null {
  const templateId = useRef<string | null>(null)
  const capability = subscribeCapabilityHere()
  useEffect(() => {
    if (!capability) return
    let live = true
    getSubscriptions(apiClient, capability.platform, 'seal')
      .then((state) => {
        if (live) templateId.current = state.templates[0]?.id ?? null
      })
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [capability])
  const ask = useCallback(() => {
    const id = templateId.current
    if (!capability || id === null) return
    try {
      requestSubscribe([id])
        .then((results) => recordSubscriptions(apiClient, { platform: capability.platform, results }))
        .catch(() => undefined)
    } catch {
      // The prompt could not be shown: the inbox still carries every report and alert.
    }
  }, [capability])
  return capability ? ask : null
}

/**
 * 用章报告 (legal representative): the months with a report, and one month's counts per seal,
 * handler and document system, and refused attempts, beside the month before. `month` opens that
 * month at once (from an inbox notice or a subscribe message).
 */
export function SealReportsScreen(props: { enterpriseId: string; month?: string }) {
  const role = useEnterpriseContext((s) => s.enterprises.find((e) => e.id === props.enterpriseId)?.role)
  const [month, setMonth] = useState<string | null>(props.month ?? null)
  const subscribe = useSealSubscription()
  const fetchList = useCallback(() => listSealReports(apiClient, props.enterpriseId), [props.enterpriseId])
  const fetchReport = useCallback(
    () => (month ? getSealReport(apiClient, props.enterpriseId, month) : Promise.resolve(null)),
    [props.enterpriseId, month],
  )
  const list = useLoad(fetchList)
  const detail = useLoad(fetchReport)

  if (month) {
    const back = <ActionButton label='全部月份' variant='secondary' onClick={() => setMonth(null)} />
    if (detail.state.kind === 'loading') return <StatusView kind='loading' />
    if (detail.state.kind === 'error') {
      if (detail.state.refused) return <StatusView kind='error' refused text={reportRefusalText(role)} />
      return (
        <View>
          <StatusView kind='error' text={detail.state.text} onRetry={() => void detail.reload()} />
          {back}
        </View>
      )
    }
    return (
      <View>
        {detail.state.value ? <ReportDetail report={detail.state.value} /> : null}
        {back}
      </View>
    )
  }

  if (list.state.kind === 'loading') return <StatusView kind='loading' />
  if (list.state.kind === 'error') {
    if (list.state.refused) return <StatusView kind='error' refused text={reportRefusalText(role)} />
    return <StatusView kind='error' text={list.state.text} onRetry={() => void list.reload()} />
  }
  const items: SealReportListItem[] = list.state.value.items
  return (
    <View>
      <View className='muted'>每月1日生成上月的用章报告，并发送到消息中心。</View>
      {subscribe ? <ActionButton label='订阅用章报告与异常提醒' variant='secondary' onClick={subscribe} /> : null}
      {items.length === 0 ? (
        <StatusView kind='empty' text='暂无用章报告' hint='领取印章后，每月1日会生成上月的用章报告' />
      ) : (
        items.map((item) => (
          <View
            key={item.month}
            className='card row'
            ariaRole='button'
            ariaLabel={`${chinaMonthLabel(item.month)}用章报告，用章${item.uses}次，未通过${item.refused}次`}
            onClick={() => setMonth(item.month)}
          >
            <View className='title'>{chinaMonthLabel(item.month)}</View>
            <View className='muted'>{`用章 ${item.uses} 次 · 未通过 ${item.refused} 次`}</View>
          </View>
        ))
      )}
    </View>
  )
}
