import { useEffect, useMemo, useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import type { SignatureRecord, SignTaskView } from '../../contract/esign/schemas'
import { signatureFilePath, verificationQrPath } from '../../api/signing/signatureFiles'
import { copyText } from '../../platform/clipboard'
import { apiBaseUrl } from '../../platform/env'
import {
  calendarFileWay,
  downloadFromUrl,
  fetchFileForSharing,
  isCancelled,
  publicFileWay,
  saveFileToDisk,
  saveTextFile,
  shareFileToChat,
} from '../../platform/files'
import { siteOrigin } from '../../platform/share'
import { ActionButton } from '../../ui/ActionButton'
import { verificationLinkOf } from './verificationText'

const QR_LABEL = '验章二维码'

/** A file name without what file systems refuse. */
function fileNameOf(documentName: string, record: SignatureRecord, extension: 'der' | 'json'): string {
  const safe = `${documentName}-${record.name}`.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 80)
  return extension === 'der' ? `签章文件-${safe}.der` : `签章记录-${safe}.json`
}

const DER_SAVED = {
  download: '已开始下载签章文件',
  'share-to-chat': '签章文件已发送',
  'save-to-disk': '签章文件已保存到手机',
}

/**
 * The GB/T 38540 signature file (DER), fetched from the server by URL: a browser download on H5;
 * on WeChat fetched ahead of the tap (wx.shareFileMessage must run inside it) and sent to a chat;
 * on Alipay saved to the phone's storage where the client can (my.saveFileToDisk). Elsewhere
 * (older Alipay clients, in-app browsers) only the link and the QR.
 */
function useDerFile(url: string, fileName: string) {
  const way = useMemo(publicFileWay, [])
  const [prepared, setPrepared] = useState<string | 'failed' | null>(null)
  useEffect(() => {
    if (way !== 'share-to-chat') return
    let live = true
    fetchFileForSharing(url).then(
      (path) => live && setPrepared(path),
      () => live && setPrepared('failed'),
    )
    return () => {
      live = false
    }
  }, [url, way])
  if (way === 'download') return { way, ready: true, save: async () => downloadFromUrl(url, fileName) }
  if (way === 'save-to-disk') return { way, ready: true, save: () => saveFileToDisk(url) }
  if (way === 'share-to-chat' && prepared !== 'failed') {
    return {
      way,
      ready: prepared !== null,
      save: async () => {
        if (prepared) await shareFileToChat(prepared, fileName)
      },
    }
  }
  return null
}

/**
 * One signature, as whoever receives the document will check it: the signature file (GB/T 38540
 * DER, or the JSON record) for 验章 with the signed file, and the verification link — copyable and
 * as a QR — that opens 验章 on it directly.
 */
export function SignatureItem(props: { task: SignTaskView; record: SignatureRecord }) {
  const { task, record } = props
  const [note, setNote] = useState<string | null>(null)
  const link = verificationLinkOf(siteOrigin(), record.id, record.documentSm3)
  const der = useDerFile(`${apiBaseUrl}${signatureFilePath(record.id)}`, fileNameOf(task.documentName, record, 'der'))
  const canSaveJson = calendarFileWay() !== null

  const saveDer = async () => {
    if (!der) return
    try {
      await der.save()
      setNote(DER_SAVED[der.way])
    } catch (error) {
      if (!isCancelled(error)) setNote('签章文件未能保存，请复制验章链接发送')
    }
  }
  const saveJson = async () => {
    try {
      const saved = await saveTextFile(
        fileNameOf(task.documentName, record, 'json'),
        JSON.stringify(record, null, 2),
        'application/json',
      )
      setNote(saved.via === 'download' ? '已开始下载签章记录' : '签章记录已发送')
    } catch (error) {
      if (!isCancelled(error)) setNote('签章记录未能保存，请复制验章链接发送')
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
      <View className='muted'>验章链接（发给收件人，打开或扫码即可验章）：</View>
      <Text className='mono' style={{ wordBreak: 'break-all' }} userSelect>
        {link}
      </Text>
      <Image
        src={`${apiBaseUrl}${verificationQrPath(record.id)}`}
        mode='aspectFit'
        style={{ width: '180px', height: '180px' }}
        ariaLabel={QR_LABEL}
        nativeProps={{ alt: QR_LABEL }}
      />
      {record.sesSignature && der ? (
        <ActionButton
          label={der.ready ? `下载签章文件（${record.name}）` : '正在准备签章文件…'}
          variant='secondary'
          disabled={!der.ready}
          onClick={saveDer}
        />
      ) : null}
      {canSaveJson ? (
        <ActionButton label={`下载签章记录 JSON（${record.name}）`} variant='secondary' onClick={saveJson} />
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
