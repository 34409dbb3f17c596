import { useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import { DEFAULT_REMINDER_OFFSETS } from '../../domain/licences/reminders'
import { platform } from '../../platform/env'
import { toast } from '../../platform/feedback'
import { ActionButton } from '../../ui/ActionButton'
import { StatusView } from '../../ui/StatusView'
import { exportCalendar, liveLicences } from './exportCalendar'
import { useWallet } from './walletStore'

const WHERE_IT_GOES = {
  weapp: '文件将发送到微信聊天，可在聊天中打开并添加到手机日历。',
  alipay: '文件将保存在本小程序的文件夹中。',
  h5: '浏览器将下载日历文件，打开即可添加到日历。',
} as const

/**
 * 导出到日历: the enterprise's live licences as an .ics file, one event per renewal deadline with
 * alarms at the default reminder offsets. Lives in the licences subpackage, so the .ics writer and
 * the file saver stay out of the 证照 tab's main package. The export runs straight from the tap:
 * wx.shareFileMessage refuses to run outside a user gesture.
 */
export function ExportCalendarScreen(props: { enterpriseId: string }) {
  const entry = useWallet((s) => s.byEnterprise[props.enterpriseId])
  const error = useWallet((s) => s.error)
  const refused = useWallet((s) => s.refused)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (!useWallet.getState().byEnterprise[props.enterpriseId]) void useWallet.getState().refresh(props.enterpriseId)
  }, [props.enterpriseId])

  if (!entry) {
    if (error)
      return (
        <StatusView
          kind='error'
          text={error}
          refused={refused}
          onRetry={() => void useWallet.getState().refresh(props.enterpriseId)}
        />
      )
    return <StatusView kind='loading' />
  }
  const live = liveLicences(entry.list.items)
  if (live.length === 0)
    return <StatusView kind='empty' text='没有可导出的有效证照' hint='已注销和已过期的证照不导出' />

  const run = async () => {
    if (busy) return
    setBusy(true)
    try {
      const saved = await exportCalendar(entry.list.items)
      toast(saved.via === 'saved' ? `已保存到 ${saved.path}` : '日历文件已生成', 'success')
    } catch {
      toast('导出失败，请稍后重试', 'error')
    } finally {
      setBusy(false)
    }
  }

  return (
    <View>
      <View className='card'>
        <View className='title'>导出到日历（.ics）</View>
        <View>{`共 ${live.length} 张有效证照，每张一条「续期申请截止」日程。`}</View>
        <View className='muted'>{`提前 ${DEFAULT_REMINDER_OFFSETS.join('、')} 天提醒。${WHERE_IT_GOES[platform]}`}</View>
      </View>
      <ActionButton label='生成日历文件' disabled={busy} onClick={() => void run()} />
    </View>
  )
}
