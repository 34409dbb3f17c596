import { useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import type { PolicyPushFrequency } from '../../contract/policies/schemas'
import { userMessage } from '../../api/errors'
import { getPolicyPush } from '../../api/policies/getPolicyPush'
import { setPolicyPush } from '../../api/policies/setPolicyPush'
import { apiClient } from '../../core/apiClient'
import { ErrorText } from '../../ui/ErrorText'
import { FilterChips } from './FilterChips'
import { NewPolicySubscribe } from './NewPolicySubscribe'

const OPTIONS: { value: PolicyPushFrequency; label: string }[] = [
  { value: 'instant', label: '发布即推送' },
  { value: 'weekly', label: '每周汇总一次' },
]

/** 新政策推送: instantly on publication, or one weekly digest; and the subscribe-message permission. */
export function PushPreferenceSection() {
  const [frequency, setFrequency] = useState<PolicyPushFrequency | undefined>(undefined)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    getPolicyPush(apiClient)
      .then((preference) => setFrequency(preference.frequency))
      .catch((e: unknown) => setError(userMessage(e)))
  }, [])

  const choose = async (next: PolicyPushFrequency | undefined) => {
    if (!next || next === frequency) return
    const previous = frequency
    setFrequency(next)
    setError(null)
    try {
      await setPolicyPush(apiClient, { frequency: next })
    } catch (e) {
      setFrequency(previous)
      setError(`推送方式未保存：${userMessage(e)}`)
    }
  }

  return (
    <View className='card'>
      <View className='title'>新政策推送</View>
      <View className='muted'>符合条件的新政策发布后，通过「消息」通知您</View>
      <FilterChips name='推送方式' options={OPTIONS} selected={frequency} onSelect={(value) => void choose(value)} />
      <NewPolicySubscribe />
      <ErrorText message={error} />
    </View>
  )
}
