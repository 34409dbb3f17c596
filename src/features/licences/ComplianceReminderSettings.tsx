import { useCallback, useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import type { ComplianceReminderSettings as Settings } from '../../contract/compliance/schemas'
import type { SubscriptionState } from '../../contract/account/schemas'
import type { ComplianceKind } from '../../domain/compliance/item'
import { userMessage } from '../../api/errors'
import { getComplianceReminderSettings } from '../../api/reminders/getComplianceReminderSettings'
import { getSubscriptions } from '../../api/reminders/getSubscriptions'
import { recordSubscriptions } from '../../api/reminders/recordSubscriptions'
import { saveComplianceReminderSettings } from '../../api/reminders/saveComplianceReminderSettings'
import { apiClient } from '../../core/apiClient'
import { toast } from '../../platform/feedback'
import { MAX_TEMPLATES_PER_REQUEST, requestSubscribe, subscribeCapabilityHere } from '../../platform/subscribe'
import { ActionButton } from '../../ui/ActionButton'
import { ErrorText } from '../../ui/ErrorText'
import { LabelledSwitch } from '../../ui/LabelledSwitch'
import { StatusView } from '../../ui/StatusView'

/** The switches in screen order, with what each kind reminds of. */
export const COMPLIANCE_SWITCHES: readonly { kind: ComplianceKind; label: string; hint: string }[] = [
  { kind: 'annual-report', label: '年报', hint: '年报窗口开启、6月1日及截止前' },
  { kind: 'tax-filing', label: '纳税申报', hint: '申报截止前第3个工作日及截止当天' },
  { kind: 'credit-repair', label: '信用修复', hint: '可以申请信用修复的第一天' },
  { kind: 'policy-window', label: '政策申报', hint: '申报开始及截止前5个、1个工作日' },
  { kind: 'complaint', label: '诉求', hint: '答复、回访、整改期限当天' },
]

const subscribeCapability = subscribeCapabilityHere()

/** 合规提醒: one switch per kind of deadline, saved at once (as the rest of 提醒设置). */
export function ComplianceReminderSettings() {
  const [settings, setSettings] = useState<Settings | null>(null)
  const [subscriptions, setSubscriptions] = useState<SubscriptionState | null>(null)
  const [error, setError] = useState<string | null>(null)

  const load = useCallback(async () => {
    setError(null)
    try {
      setSettings(await getComplianceReminderSettings(apiClient))
      if (subscribeCapability) {
        setSubscriptions(await getSubscriptions(apiClient, subscribeCapability.platform, 'compliance'))
      }
    } catch (e) {
      setError(userMessage(e))
    }
  }, [])

  useEffect(() => {
    void load()
  }, [load])

  const toggle = async (kind: ComplianceKind, on: boolean) => {
    if (!settings) return
    const previous = settings
    const next = { kinds: { ...settings.kinds, [kind]: on } }
    setSettings(next)
    setError(null)
    try {
      setSettings(await saveComplianceReminderSettings(apiClient, next))
      toast('已保存', 'success')
    } catch (e) {
      setSettings(previous)
      setError(userMessage(e))
    }
  }

  // Runs straight from the tap: both platforms refuse the prompt outside a user gesture.
  const subscribe = async () => {
    if (!subscriptions || !subscribeCapability) return
    try {
      const ids = subscriptions.templates.slice(0, MAX_TEMPLATES_PER_REQUEST).map((t) => t.id)
      const results = await requestSubscribe(ids)
      setSubscriptions(await recordSubscriptions(apiClient, { platform: subscribeCapability.platform, results }))
      toast(Object.values(results).includes('accept') ? '已开启提醒' : '未开启提醒', 'info')
    } catch (e) {
      setError(userMessage(e))
    }
  }

  return (
    <View className='card'>
      <View className='title'>合规提醒</View>
      <View className='muted'>站内消息每项都提醒；订阅消息不够时合并为一条，列出最紧急的一项</View>
      {settings ? (
        COMPLIANCE_SWITCHES.map(({ kind, label, hint }) => (
          <LabelledSwitch
            key={kind}
            label={`${label}提醒`}
            hint={hint}
            checked={settings.kinds[kind]}
            onChange={(on) => void toggle(kind, on)}
          />
        ))
      ) : error ? (
        <StatusView kind='error' text={error} onRetry={() => void load()} />
      ) : (
        <StatusView kind='loading' />
      )}
      {subscriptions ? <ActionButton label='开启合规提醒订阅消息' onClick={subscribe} /> : null}
      {settings ? <ErrorText message={error} /> : null}
    </View>
  )
}
