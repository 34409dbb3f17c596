import { useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import type { SubscriptionState } from '../../contract/account/schemas'
import { userMessage } from '../../api/errors'
import { getSubscriptions } from '../../api/reminders/getSubscriptions'
import { recordSubscriptions } from '../../api/reminders/recordSubscriptions'
import { apiClient } from '../../core/apiClient'
import { toast } from '../../platform/feedback'
import { requestSubscribe, subscribeCapabilityHere } from '../../platform/subscribe'
import { ActionButton } from '../../ui/ActionButton'
import { ErrorText } from '../../ui/ErrorText'

const APP_NAMES = { weapp: '微信', alipay: '支付宝' } as const

/**
 * 新政策 subscribe messages on WeChat / Alipay. The server sends one only to a user who holds a
 * one-time 'policy' subscription, so each 允许 is good for one notice; asked again after it is used.
 * H5 has no such channel: notices arrive in 消息 only.
 */
export function NewPolicySubscribe() {
  const [state, setState] = useState<SubscriptionState | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [asking, setAsking] = useState(false)

  const capability = subscribeCapabilityHere()

  useEffect(() => {
    if (!capability) return
    getSubscriptions(apiClient, capability.platform, 'policy')
      .then(setState)
      .catch((e: unknown) => setError(`订阅状态未能读取：${userMessage(e)}`))
  }, [capability])

  if (!capability) {
    return <View className='muted'>网页版无法接收微信或支付宝通知，新政策通知会发送到「消息」，请留意查看。</View>
  }
  const app = APP_NAMES[capability.platform]
  const template = state?.templates[0]
  const answer = template ? state?.results[template.id] : undefined

  // Runs straight from the tap, no await before the prompt: both platforms refuse it otherwise.
  const subscribe = async () => {
    if (!template || asking) return
    setAsking(true)
    setError(null)
    try {
      const results = await requestSubscribe([template.id])
      setState(await recordSubscriptions(apiClient, { platform: capability.platform, results }))
      const decision = results[template.id]
      toast(decision === 'accept' ? '已订阅新政策提醒' : '未订阅新政策提醒', 'info')
    } catch (e) {
      setError(`订阅未完成：${userMessage(e)}`)
    } finally {
      setAsking(false)
    }
  }

  return (
    <View>
      {state && !template ? <View className='muted'>{app}通知暂未开通，新政策通知会发送到「消息」。</View> : null}
      {template ? (
        <View>
          <View className='muted'>
            {answer === 'accept'
              ? `已订阅：下一条符合条件的新政策会通过${app}通知您（每次订阅可收到一条，收到后可再次订阅）`
              : answer === 'ban'
                ? `${app}通知已被关闭，请在小程序设置中允许「${template.title}」后再订阅`
                : `订阅后，符合条件的新政策发布时会通过${app}通知您（每次订阅可收到一条）`}
          </View>
          <ActionButton
            label={answer === 'accept' ? '再次订阅新政策提醒' : '订阅新政策提醒'}
            variant='secondary'
            disabled={asking}
            onClick={() => void subscribe()}
          />
        </View>
      ) : null}
      <ErrorText message={error} />
    </View>
  )
}
