import { useEffect, useState } from 'react'
import { Image, View } from '@tarojs/components'
import { complaintPhotoPath } from '../../api/complaints/complaintPhotoPath'
import { useSession } from '../../core/session'
import { apiBaseUrl } from '../../platform/env'
import { loadProtectedImage } from '../../platform/media'

/** A case photo, fetched with the user's token (the server shows it to the submitter only). */
export function AttachmentImage(props: { complaintId: string; attachmentId: string; index: number }) {
  const [src, setSrc] = useState<string | null>(null)
  const [failed, setFailed] = useState(false)
  const { complaintId, attachmentId } = props

  useEffect(() => {
    let live = true
    const token = useSession.getState().token
    loadProtectedImage(`${apiBaseUrl}${complaintPhotoPath(complaintId, attachmentId)}`, {
      Authorization: `Bearer ${token ?? ''}`,
    })
      .then((path) => live && setSrc(path))
      .catch(() => live && setFailed(true))
    return () => {
      live = false
    }
  }, [complaintId, attachmentId])

  const name = `诉求照片 ${props.index + 1}`
  if (failed) return <View className='muted'>{name}加载失败</View>
  if (!src) return <View className='muted'>{name}加载中…</View>
  // Named on a wrapper: Taro H5's Image is a custom element whose inner <img> does not get the label.
  return (
    <View ariaRole='img' ariaLabel={name}>
      <Image src={src} mode='aspectFill' style={{ width: '200px', height: '200px' }} />
    </View>
  )
}
