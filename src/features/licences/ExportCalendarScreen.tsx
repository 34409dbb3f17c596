import { useCallback, useEffect, useMemo, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { CalendarFeedCreated, CalendarFeedView } from '../../contract/compliance/schemas'
import { createCalendarFeed } from '../../api/calendar/createCalendarFeed'
import { deleteCalendarFeed } from '../../api/calendar/deleteCalendarFeed'
import { listCalendarFeeds } from '../../api/calendar/listCalendarFeeds'
import { isApiError, userMessage } from '../../api/errors'
import { apiClient } from '../../core/apiClient'
import { chinaDateTimeOf } from '../../domain/calendar/dates'
import { copyText } from '../../platform/clipboard'
import { toast } from '../../platform/feedback'
import {
  calendarFileWay,
  downloadFromUrl,
  fetchFileForSharing,
  isCancelled,
  shareFileToChat,
} from '../../platform/files'
import { ActionButton } from '../../ui/ActionButton'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { ErrorText } from '../../ui/ErrorText'
import { StatusView } from '../../ui/StatusView'
import {
  CALENDAR_FILE_NAME,
  FEED_CHOICES,
  feedState,
  HOW_TO_SUBSCRIBE,
  scopeOf,
  type FeedChoice,
} from './exportCalendar'

/**
 * 订阅到日历: a secret link per user (one enterprise, or all of theirs) that any calendar app
 * subscribes to, served by the server; deadlines then appear and stay current with no file to save
 * (issue #11 item 7). 复制链接 works everywhere; the .ics file is offered only where a file can
 * reach the user (H5 download, WeChat chat). Nothing is called a success unless the platform call
 * behind it succeeded.
 */
export function ExportCalendarScreen(props: { enterpriseId: string }) {
  const [choice, setChoice] = useState<FeedChoice>('enterprise')
  const [listed, setListed] = useState<CalendarFeedView[] | null>(null)
  const [madeHere, setMadeHere] = useState<Record<string, CalendarFeedCreated>>({})
  /** WeChat: the temporary file of each link, fetched ahead of the tap that shares it. */
  const [files, setFiles] = useState<Record<string, string | 'failed'>>({})
  const [loadError, setLoadError] = useState<string | null>(null)
  const [actionError, setActionError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [asking, setAsking] = useState<'regenerate' | 'stop' | null>(null)
  const fileWay = useMemo(calendarFileWay, [])
  const scope = scopeOf(choice, props.enterpriseId)

  const load = useCallback(async () => {
    setLoadError(null)
    try {
      setListed((await listCalendarFeeds(apiClient)).feeds)
    } catch (e) {
      setLoadError(userMessage(e))
    }
  }, [])

  useEffect(() => {
    void load()
  }, [load])

  if (!listed) {
    if (loadError) return <StatusView kind='error' text={loadError} onRetry={() => void load()} />
    return <StatusView kind='loading' />
  }
  const state = feedState(scope, listed, madeHere)

  const prepareFile = (url: string) => {
    if (fileWay !== 'share-to-chat') return
    fetchFileForSharing(url).then(
      (path) => setFiles((all) => ({ ...all, [url]: path })),
      () => setFiles((all) => ({ ...all, [url]: 'failed' })),
    )
  }

  /** One server call at a time, its refusal shown under the buttons. */
  const perform = async (work: () => Promise<void>) => {
    if (busy) return
    setAsking(null)
    setBusy(true)
    setActionError(null)
    try {
      await work()
    } catch (e) {
      setActionError(userMessage(e))
    } finally {
      setBusy(false)
    }
  }

  const make = () =>
    perform(async () => {
      const made = await createCalendarFeed(apiClient, scope)
      setMadeHere((all) => ({ ...all, [scope]: made }))
      setListed((all) => [...(all ?? []).filter((f) => f.scope !== scope), made])
      prepareFile(made.httpsUrl)
    })

  const stop = () =>
    perform(async () => {
      try {
        await deleteCalendarFeed(apiClient, scope)
      } catch (e) {
        // Already stopped (another device, an earlier tap whose answer was lost): the link is dead,
        // which is what was asked; anything else is shown.
        if (!(isApiError(e) && e.name === 'BusinessError' && e.code === 'CALENDAR_FEED_NOT_FOUND')) throw e
      }
      setMadeHere(({ [scope]: _gone, ...rest }) => rest)
      setListed((all) => (all ?? []).filter((f) => f.scope !== scope))
      toast('已停止订阅', 'success')
    })

  const copy = async (url: string) => {
    try {
      await copyText(url)
      toast('链接已复制', 'success')
    } catch {
      toast('复制失败，请长按链接手动复制', 'error')
    }
  }

  // Straight from the tap, with the file fetched beforehand: wx.shareFileMessage needs the gesture.
  const share = (path: string) => {
    shareFileToChat(path, CALENDAR_FILE_NAME).then(
      () => toast('已发送到聊天', 'success'),
      (e: unknown) => {
        if (!isCancelled(e)) toast('发送失败，请改用复制链接', 'error')
      },
    )
  }

  const link = state.kind === 'link' ? state.feed : null
  const file = link ? files[link.httpsUrl] : undefined

  return (
    <View>
      <View className='card'>
        <View className='title'>订阅到日历</View>
        <View>
          生成一个只属于您的订阅链接，添加到手机或电脑的日历后，证照续期、企业年报、纳税申报、信用修复、政策申报和诉求的期限会自动出现在日历中，并按提醒日期提前提醒；期限有变化或标记已办时，日历会自动更新。
        </View>
        <View className='chips' ariaLabel='订阅范围'>
          {FEED_CHOICES.map((option) => {
            const on = option.value === choice
            return (
              <View
                key={option.value}
                className={on ? 'chip chip--selected' : 'chip'}
                ariaRole='button'
                ariaLabel={`订阅范围：${option.label}${on ? '（已选）' : ''}`}
                onClick={() => setChoice(option.value)}
              >
                {option.label}
              </View>
            )
          })}
        </View>
      </View>

      {link ? (
        <View className='card'>
          <View className='title'>您的订阅链接</View>
          <Text selectable userSelect className='muted'>
            {link.httpsUrl}
          </Text>
          <ActionButton label='复制链接' onClick={() => void copy(link.httpsUrl)} />
          {fileWay === 'download' ? (
            <ActionButton
              variant='secondary'
              label='下载 .ics 文件'
              onClick={() => downloadFromUrl(link.httpsUrl, CALENDAR_FILE_NAME)}
            />
          ) : null}
          {fileWay === 'share-to-chat' && file !== 'failed' ? (
            <ActionButton
              variant='secondary'
              label={file ? '发送 .ics 文件到聊天' : '正在准备日历文件…'}
              disabled={!file}
              onClick={() => file && share(file)}
            />
          ) : null}
          {fileWay !== null ? (
            <View className='muted'>日历文件只导入当前的期限，之后不会自动更新；订阅链接会。</View>
          ) : null}
          <View className='muted'>请勿把链接发给他人：持有链接的人都能看到这些期限。</View>
        </View>
      ) : null}

      {state.kind === 'made-earlier' ? (
        <View className='card'>
          <View>{`已于 ${chinaDateTimeOf(state.feed.createdAt)} 生成订阅链接。`}</View>
          <View className='muted'>
            为保护您的信息，链接只在生成时显示一次。如需再次复制，请重新生成（旧链接将失效，已添加的日历需换用新链接）。
          </View>
        </View>
      ) : null}

      <ErrorText message={actionError} />

      {state.kind === 'none' ? (
        <ActionButton label='生成订阅链接' disabled={busy} onClick={() => void make()} />
      ) : (
        <View>
          <ActionButton variant='secondary' label='重新生成' disabled={busy} onClick={() => setAsking('regenerate')} />
          <ActionButton variant='danger' label='停止订阅' disabled={busy} onClick={() => setAsking('stop')} />
        </View>
      )}

      <View className='card'>
        <View className='title'>如何添加到日历</View>
        {HOW_TO_SUBSCRIBE.map((item) => (
          <View key={item.where}>
            <View>{item.where}</View>
            <View className='muted'>{item.steps}</View>
          </View>
        ))}
        <View className='muted'>日历应用一般每隔几小时更新一次订阅。</View>
      </View>

      {asking === 'regenerate' ? (
        <ConfirmDialog
          title='重新生成订阅链接？'
          confirmLabel='重新生成'
          onConfirm={() => void make()}
          onCancel={() => setAsking(null)}
        >
          <View>旧链接将立即失效，已用旧链接订阅的日历不再更新，需要换用新链接重新添加。</View>
        </ConfirmDialog>
      ) : null}
      {asking === 'stop' ? (
        <ConfirmDialog
          title='停止订阅？'
          confirmLabel='停止订阅'
          destructive
          onConfirm={() => void stop()}
          onCancel={() => setAsking(null)}
        >
          <View>链接将立即失效，已添加的日历不再更新（已有的日程可在日历中删除该订阅）。</View>
        </ConfirmDialog>
      ) : null}
    </View>
  )
}
