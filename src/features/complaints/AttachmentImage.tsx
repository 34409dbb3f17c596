import { useCallback, useRef, useEffect, useState } from 'react'
import { Image, View } from '@tarojs/components'
import { complaintPhotoPath } from '../../api/complaints/complaintPhotoPath'
import { useSession } from '../../core/session'
import { apiBaseUrl } from '../../platform/env'
import { loadProtectedImage, previewPhotos } from '../../platform/media'

/** A case photo, fetched with the user's token (the server shows it to the submitter only). */
export function AttachmentImage(props: {
  complaintId: string
  attachmentId: string
  index: number
  /** The loaded image's local path, for previewing all the case's photos together. */
  onLoaded: (index: number, path: string) => void
  onPreview: (path: string) => void
}) {
  const [src, setSrc] = useState<string | null>(null)
  const [failed, setFailed] = useState(false)
  const { complaintId, attachmentId, index, onLoaded } = props

  useEffect(() => {
    let live = true
    const token = useSession.getState().token
    loadProtectedImage(`${apiBaseUrl}${complaintPhotoPath(complaintId, attachmentId)}`, {
      Authorization: `Bearer ${token ?? ''}`,
    })
      .then((path) => {
        if (!live) return
        setSrc(path)
        onLoaded(index, path)
      })
      .catch(() => live && setFailed(true))
    return () => {
      live = false
    }
  }, [complaintId, attachmentId, index, onLoaded])

  const name = `诉求照片 ${props.index + 1}`
  if (failed) return <View className='muted'>{name}加载失败</View>
  if (!src) return <View className='muted'>{name}加载中…</View>
  // Named on a wrapper: Taro H5's Image is a custom element whose inner <img> does not get the label;
  // that <img> is then marked decorative (alt ''), or axe counts an unnamed image (image-alt).
  return (
    <View ariaRole='button' ariaLabel={`查看${name}大图`} onClick={() => props.onPreview(src)}>
      <View ariaRole='img' ariaLabel={name}>
        <Image src={src} mode='aspectFill' style={{ width: '200px', height: '200px' }} nativeProps={{ alt: '' }} />
      </View>
    </View>
  )
}

/** A case's photos in the order submitted; a tap shows them full screen, swipe for the others. */
export function CasePhotos(props: { complaintId: string; attachmentIds: string[] }) {
  const loaded = useRef(new Map<number, string>())
  const onLoaded = useCallback((index: number, path: string) => loaded.current.set(index, path), [])
  const onPreview = (path: string) => {
    const paths = props.attachmentIds.map((_, i) => loaded.current.get(i)).filter((p): p is string => Boolean(p))
    previewPhotos(paths, path)
  }
  return (
    <View className='chips'>
      {props.attachmentIds.map((attachmentId, index) => (
        <AttachmentImage
          key={attachmentId}
          complaintId={props.complaintId}
          attachmentId={attachmentId}
          index={index}
          onLoaded={onLoaded}
          onPreview={onPreview}
        />
      ))}
    </View>
  )
}
