import { useEffect, useState } from 'react'
import { Image, View } from '@tarojs/components'
import type { SignTaskDocument } from '../../contract/esign/schemas'
import { useSession } from '../../core/session'
import { apiBaseUrl } from '../../platform/env'
import { downloadProtectedFile, openPdfDocument, pdfInPage } from '../../platform/files'
import { loadProtectedImage, previewPhotos } from '../../platform/media'
import { ActionButton } from '../../ui/ActionButton'
import { ErrorText } from '../../ui/ErrorText'

const API_PREFIX = '/api/v1'

function protectedRequest(document: SignTaskDocument): [string, Record<string, string>] {
  const token = useSession.getState().token
  return [`${apiBaseUrl}${API_PREFIX}${document.path}`, { Authorization: `Bearer ${token ?? ''}` }]
}

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** An image document, shown in place; a tap shows it full screen. */
function InlineImage(props: { document: SignTaskDocument; name: string; onOpened: () => void }) {
  const { document, onOpened } = props
  const [src, setSrc] = useState<string | null>(null)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    let live = true
    loadProtectedImage(...protectedRequest(document))
      .then((path) => {
        if (!live) return
        setSrc(path)
        onOpened()
      })
      .catch(() => live && setFailed(true))
    return () => {
      live = false
    }
  }, [document, onOpened])
  if (failed) return <ErrorText message='文件加载失败，请返回重新扫码' />
  if (!src) return <View className='muted'>文件加载中…</View>
  return (
    <View ariaRole='button' ariaLabel={`查看《${props.name}》大图`} onClick={() => previewPhotos([src], src)}>
      <View ariaRole='img' ariaLabel={`签署文件：${props.name}`}>
        <Image src={src} mode='widthFix' style={{ width: '100%' }} />
      </View>
    </View>
  )
}

/**
 * H5: the PDF in the page, in a frame of its view link (no session header needed, same origin),
 * named for screen readers; the browser's own viewer draws it. Where it does not (some phone
 * browsers show only a first page, or nothing), 「在新窗口打开」 opens the same link in a tab.
 */
function InlinePdf(props: { document: SignTaskDocument; name: string; onOpened: () => void }) {
  const url = `${apiBaseUrl}${API_PREFIX}${props.document.viewPath}`
  return (
    <View className='sign-document'>
      <iframe className='sign-document__frame' src={url} title={`签署文件：${props.name}`} onLoad={props.onOpened} />
      <a className='link' href={url} target='_blank' rel='noopener noreferrer' onClick={props.onOpened}>
        在新窗口打开
      </a>
      <View className='muted'>PDF，{sizeText(props.document.sizeBytes)}</View>
    </View>
  )
}

/**
 * See what you sign: the document itself, before the signer confirms — a PDF in the page on H5
 * (InlinePdf) and in the platform's viewer on the mini-programs, an image in place; a format the phone cannot show, or a task that
 * came with a hash only, says to check the original in the system that asked.
 */
export function SignDocument(props: { name: string; document: SignTaskDocument | null; onOpened: () => void }) {
  const { document, name, onOpened } = props
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  if (!document) {
    return <View className='muted'>业务系统未提供文件原文：请在业务系统中核对文件内容后再签署。</View>
  }
  if (document.kind === 'image') return <InlineImage document={document} name={name} onOpened={onOpened} />
  if (document.kind === 'other') {
    return (
      <View className='muted'>
        该文件格式（{sizeText(document.sizeBytes)}）不能在手机上预览：请在业务系统中核对文件内容后再签署。
      </View>
    )
  }
  if (pdfInPage) return <InlinePdf document={document} name={name} onOpened={onOpened} />
  const open = async () => {
    setBusy(true)
    setError(null)
    try {
      await openPdfDocument(await downloadProtectedFile(...protectedRequest(document)))
      onOpened()
    } catch (e) {
      setError(e instanceof Error && e.name === 'FileUnavailableError' ? e.message : '文件打开失败，请重试')
    } finally {
      setBusy(false)
    }
  }
  return (
    <View>
      <ActionButton
        label={`查看文件（PDF，${sizeText(document.sizeBytes)}）`}
        variant='secondary'
        disabled={busy}
        onClick={open}
      />
      <ErrorText message={error} />
    </View>
  )
}
