import { useCallback, useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import type { TimelineItem } from '../../contract/compliance/schemas'
import { getMyTimeline } from '../../api/compliance/getMyTimeline'
import { isPermissionRefusal, userMessage } from '../../api/errors'
import { apiClient } from '../../core/apiClient'
import { ANNUAL_REPORT_CONSEQUENCES, ANNUAL_REPORT_ENTRY } from '../../domain/compliance/annualReport'
import { CREDIT_REPAIR_ENTRY, CREDIT_REPAIR_REQUIREMENTS } from '../../domain/compliance/creditRepair'
import { TAX_ENTRY } from '../../domain/compliance/taxFiling'
import { copyText } from '../../platform/clipboard'
import { toast } from '../../platform/feedback'
import { ActionButton } from '../../ui/ActionButton'
import { StatusView } from '../../ui/StatusView'
import { daysText, KIND_LABELS } from './kinds'

interface Guide {
  prepare: readonly string[]
  consequences: readonly string[]
  entry: string
  /** what to copy: the address alone */
  entryUrl: string
}

/** What to prepare, what missing it costs (in plain words) and where to do it, per kind with a detail page. */
const GUIDES: Partial<Record<TimelineItem['kind'], Guide>> = {
  'annual-report': {
    prepare: [
      '企业基本信息：通信地址、联系电话、电子邮箱、从业人数',
      '上一年度资产状况：资产总额、负债总额、营业总收入、主营业务收入、利润总额、净利润、纳税总额',
      '股东（发起人）认缴和实缴的出资额、出资时间、出资方式',
      '网站或网店、对外投资、对外担保（如有）',
      '社保信息：参保人数、缴费基数等',
    ],
    consequences: ANNUAL_REPORT_CONSEQUENCES,
    entry: `国家企业信用信息公示系统（${ANNUAL_REPORT_ENTRY}）`,
    entryUrl: ANNUAL_REPORT_ENTRY,
  },
  'tax-filing': {
    prepare: [
      '所属期的开票与收票数据（销项、进项发票）',
      '工资薪金表（代扣代缴个人所得税）',
      '所属期的资产负债表、利润表（随申报报送财务报表）',
      '附加税费随增值税一并申报',
    ],
    consequences: [
      '逾期未申报的，税务机关责令限期改正，可处二千元以下罚款；情节严重的，处二千元以上一万元以下罚款（《税收征收管理法》第六十二条）。',
      '逾期缴纳税款的，从滞纳之日起按日加收万分之五的滞纳金（《税收征收管理法》第三十二条）。',
      '逾期申报还会影响纳税信用评价。',
    ],
    entry: TAX_ENTRY,
    entryUrl: 'https://etax.chinatax.gov.cn',
  },
  'credit-repair': {
    prepare: CREDIT_REPAIR_REQUIREMENTS,
    consequences: [
      '不申请修复的，行政处罚信息在「信用中国」网站一直公示，直到最长公示期（3年）届满才撤下。',
      '公示期间，招投标、融资、评优等可能受到影响。',
      '最短公示期届满前不能申请修复。',
    ],
    entry: CREDIT_REPAIR_ENTRY,
    entryUrl: 'https://www.creditchina.gov.cn',
  },
}

type Load =
  { kind: 'loading' } | { kind: 'error'; text: string; refused: boolean } | { kind: 'ready'; item: TimelineItem | null }

/** The 年报 / 税务 / 信用修复 detail: the deadline, what to prepare, the consequence, the official entry. */
export function ComplianceDetailScreen(props: { enterpriseId: string; itemKey: string; date: string }) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' })

  const refresh = useCallback(async () => {
    setLoad({ kind: 'loading' })
    try {
      const timeline = await getMyTimeline(apiClient, {
        from: props.date,
        to: props.date,
        enterpriseId: props.enterpriseId,
      })
      setLoad({ kind: 'ready', item: timeline.items.find((i) => i.key === props.itemKey) ?? null })
    } catch (e) {
      setLoad({ kind: 'error', text: userMessage(e), refused: isPermissionRefusal(e) })
    }
  }, [props.enterpriseId, props.itemKey, props.date])

  useEffect(() => {
    void refresh()
  }, [refresh])

  if (load.kind === 'loading') return <StatusView kind='loading' />
  if (load.kind === 'error')
    return <StatusView kind='error' text={load.text} refused={load.refused} onRetry={() => void refresh()} />
  const { item } = load
  if (!item) return <StatusView kind='empty' text='该期限已办理或不存在' hint='返回合规日历查看其他期限' />
  const guide = GUIDES[item.kind]

  const copy = async (text: string) => {
    try {
      await copyText(text)
      toast('网址已复制', 'success')
    } catch {
      toast('复制失败，请长按手动复制', 'error')
    }
  }

  return (
    <View>
      <View className='card'>
        <View className='muted'>{KIND_LABELS[item.kind]}</View>
        <View className='title'>{item.title}</View>
        <View>{item.enterpriseName}</View>
        {item.opensOn && item.opensOn !== item.date ? <View>{`办理窗口：${item.opensOn} 起`}</View> : null}
        <View>{`${item.kind === 'credit-repair' ? '最早可申请日' : '截止日'}：${item.date}${item.estimated ? '（预计）' : ''}`}</View>
        {item.dueDate !== item.date ? <View>{`公示期最迟至：${item.dueDate}`}</View> : null}
        <View className='compliance-days'>{daysText(item)}</View>
        {item.reminders.length > 0 ? <View className='muted'>{`提醒日期：${item.reminders.join('、')}`}</View> : null}
        <View className='muted'>{`依据：${item.legalBasis}`}</View>
      </View>
      {guide ? (
        <View>
          <View className='card'>
            <View className='title'>需要准备</View>
            {guide.prepare.map((line) => (
              <View key={line}>{`· ${line}`}</View>
            ))}
          </View>
          <View className='card'>
            <View className='title'>逾期会怎样</View>
            {guide.consequences.map((line) => (
              <View key={line}>{`· ${line}`}</View>
            ))}
          </View>
          <View className='card'>
            <View className='title'>在哪里办</View>
            <View>{guide.entry}</View>
            <ActionButton variant='secondary' label='复制办理网址' onClick={() => void copy(guide.entryUrl)} />
          </View>
        </View>
      ) : null}
    </View>
  )
}
