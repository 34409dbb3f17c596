import { useCallback, useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import type { ReminderSettings, SubscriptionState } from '../../contract/account/schemas'
import { userMessage } from '../../api/errors'
import { getReminderSettings } from '../../api/reminders/getReminderSettings'
import { getSubscriptions } from '../../api/reminders/getSubscriptions'
import { recordSubscriptions } from '../../api/reminders/recordSubscriptions'
import { saveReminderSettings } from '../../api/reminders/saveReminderSettings'
import { apiClient } from '../../core/apiClient'
import { toast } from '../../platform/feedback'
import { MAX_TEMPLATES_PER_REQUEST, requestSubscribe, subscribeCapabilityHere } from '../../platform/subscribe'
import { ActionButton } from '../../ui/ActionButton'
import { ErrorText } from '../../ui/ErrorText'
import { LabelledSwitch } from '../../ui/LabelledSwitch'
import { StatusView } from '../../ui/StatusView'
import { ComplianceReminderSettings } from './ComplianceReminderSettings'
import { ToggleChip } from '../../ui/ToggleChip'

const OFFSET_CHOICES = [90, 60, 45, 30, 15, 7, 3, 1]
const CHANNEL_LABELS = { inbox: '站内消息', wechat: '微信订阅消息', alipay: '支付宝订阅消息' } as const
// The inbox everywhere, and this platform's own subscribe messages where it has them: a WeChat
// switch means nothing on H5 or in Alipay. Channels not shown keep their saved value.
// A build targets one platform: read once when the bundle loads.
const subscribeCapability = subscribeCapabilityHere()
const SHOWN_CHANNELS: (keyof typeof CHANNEL_LABELS)[] = subscribeCapability
  ? ['inbox', subscribeCapability.channel]
  : ['inbox']

/** When and how the user is reminded, and the subscribe-message permission on WeChat / Alipay. */
export function ReminderSettingsScreen() {
  const [settings, setSettings] = useState<ReminderSettings | null>(null)
  const [subscriptions, setSubscriptions] = useState<SubscriptionState | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState(false)

  const load = useCallback(async () => {
    setError(null)
    try {
      setSettings(await getReminderSettings(apiClient))
      if (subscribeCapability) setSubscriptions(await getSubscriptions(apiClient, subscribeCapability.platform))
    } catch (e) {
      setError(userMessage(e))
    }
  }, [])

  useEffect(() => {
    void load()
  }, [load])

  if (!settings) return error ? <StatusView kind='error' text={error} onRetry={load} /> : <StatusView kind='loading' />

  const save = async (next: ReminderSettings) => {
    const previous = settings
    setSettings(next)
    setSaved(false)
    setError(null)
    try {
      setSettings(await saveReminderSettings(apiClient, next))
      // Each change saves at once; say so, or it looks as if nothing happened.
      setSaved(true)
      toast('已保存', 'success')
    } catch (e) {
      setSettings(previous)
      setError(userMessage(e))
    }
  }

  const toggleOffset = (days: number) => {
    const offsets = settings.offsets.includes(days)
      ? settings.offsets.filter((d) => d !== days)
      : [...settings.offsets, days]
    void save({ ...settings, offsets: offsets.sort((a, b) => b - a) })
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
    <View>
      <View className='card'>
        <View className='title'>提前多少天提醒</View>
        <View className='muted'>从续期申请截止日往前计算（不是到期日）</View>
        <View className='chips'>
          {OFFSET_CHOICES.map((days) => (
            <ToggleChip
              key={days}
              label={`截止前 ${days} 天提醒`}
              text={`${days} 天`}
              checked={settings.offsets.includes(days)}
              onChange={() => toggleOffset(days)}
            />
          ))}
        </View>
        <LabelledSwitch
          label='到期当天再提醒一次'
          checked={settings.onExpiryDay}
          onChange={(onExpiryDay) => save({ ...settings, onExpiryDay })}
        />
      </View>
      <View className='card'>
        <View className='title'>提醒渠道</View>
        {SHOWN_CHANNELS.map((channel) => (
          <LabelledSwitch
            key={channel}
            label={CHANNEL_LABELS[channel]}
            checked={settings.channels[channel]}
            onChange={(on) => save({ ...settings, channels: { ...settings.channels, [channel]: on } })}
          />
        ))}
      </View>
      {subscriptions ? (
        <View className='card'>
          <View className='title'>订阅消息</View>
          {subscriptions.templates.map((t) => (
            <View className='row' key={t.id}>
              <View>{t.title}</View>
              <View className='muted'>{subscriptions.results[t.id] === 'accept' ? '已允许' : '未允许'}</View>
            </View>
          ))}
          <View className='muted'>一次性订阅每允许一次可收到一条提醒，收到后可再次开启。</View>
          <ActionButton label='开启到期提醒' onClick={subscribe} />
        </View>
      ) : null}
      <ComplianceReminderSettings />
      <ErrorText message={error} />
      <View className='muted' ariaRole='status'>
        {saved && !error ? '已保存，按新的设置提醒' : ''}
      </View>
    </View>
  )
}
