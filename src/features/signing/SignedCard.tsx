import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { SignatureRecord, SignTaskView } from '../../../server/contract-seals'
import { copyText } from '../../platform/clipboard'
import { calendarFileWay, isCancelled, saveTextFile } from '../../platform/files'
import { siteOrigin } from '../../platform/share'
import { ActionButton } from '../../ui/ActionButton'
import { verificationLinkOf } from './verificationText'

const SAVED_TEXT = { download: '已开始下载签章文件', shared: '签章文件已发送' } as const

/** A file name without what file systems refuse. */
function fileNameOf(documentName: string, record: SignatureRecord): string {
  const safe = `${documentName}-${record.name}`.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 80)
  return `签章文件-${safe}.json`
}

/**
 * One signature, as whoever receives the document will check it: its signature file (the record,
 * for 验章 with the signed file) and the verification link that opens 验章 on it directly.
 */
function SignatureItem(props: { task: SignTaskView; record: SignatureRecord }) {
  const { task, record } = props
  const [note, setNote] = useState<string | null>(null)
  // Only where a file can reach the user (not Alipay's sandbox, not in-app browsers).
  const canSaveFile = calendarFileWay() !== null
  const link = verificationLinkOf(siteOrigin(), record.id, record.documentSm3)
  const download = async () => {
    try {
      const saved = await saveTextFile(
        fileNameOf(task.documentName, record),
        JSON.stringify(record, null, 2),
        'application/json',
      )
      setNote(SAVED_TEXT[saved.via])
    } catch (error) {
      if (!isCancelled(error)) setNote('签章文件未能保存，请复制验章链接发送')
    }
  }
  const copy = async () => {
    try {
      await copyText(link)
      setNote('验章链接已复制')
    } catch {
      setNote('复制失败，请长按链接手动复制')
    }
  }
  return (
    <View className='field'>
      <View>{record.name}</View>
      <View className='muted'>验章链接（发给收件人，打开即可验章）：</View>
      <Text className='mono' style={{ wordBreak: 'break-all' }} userSelect>
        {link}
      </Text>
      {canSaveFile ? (
        <ActionButton label={`下载签章文件（${record.name}）`} variant='secondary' onClick={download} />
      ) : null}
      <ActionButton label={`复制验章链接（${record.name}）`} variant='secondary' onClick={copy} />
      {note ? (
        <View className='muted' ariaRole='status'>
          {note}
        </View>
      ) : null}
    </View>
  )
}

/** Where a confirmed or refused task ends: what was signed, with what, and how others can check it. */
export function SignedCard(props: { task: SignTaskView; onAgain: () => void }) {
  const { task } = props
  const signed = task.status === 'signed'
  return (
    <View className='card'>
      <View className='title' ariaRole='status'>
        {signed ? '已签署' : task.statusLabel}
      </View>
      <View className='muted'>{task.documentName}</View>
      {task.status === 'awaiting_second' && task.approval ? (
        <View className='banner' ariaRole='status'>
          {task.approval.firstConfirmedBy ? `${task.approval.firstConfirmedBy}已确认。` : ''}
          还需以下任一人扫码确认：{task.approval.waitingFor.join('、') || '指定的第二审批人'}
        </View>
      ) : null}
      {task.status === 'rejected' && task.rejectReason ? (
        <View className='error-text' ariaRole='alert'>
          {task.refusalCode ? '用章规则不允许：' : '拒绝原因：'}
          {task.rejectReason}
        </View>
      ) : null}
      {signed ? task.signatures.map((s) => <SignatureItem key={s.id} task={task} record={s} />) : null}
      {signed ? <View className='muted'>签署结果已回传业务系统，可在业务系统中查看已盖章文件。</View> : null}
      <ActionButton label='继续扫码签章' variant='secondary' onClick={props.onAgain} />
    </View>
  )
}
