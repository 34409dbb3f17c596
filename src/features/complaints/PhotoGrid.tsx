import { Image, View } from '@tarojs/components'
import { MAX_PHOTOS } from '../../domain/complaints/validation'
import { previewPhotos } from '../../platform/media'
import { ActionButton } from '../../ui/ActionButton'
import { photoProblem } from '../../domain/complaints/validation'
import type { DraftPhoto } from './draftStore'
import { canRetry } from './photoUploads'

function photoStatus(photo: DraftPhoto): string {
  if (photo.error) return photo.error
  if (photo.attachmentId) return '已上传'
  return `上传中 ${Math.round(photo.progress * 100)}%`
}

/** Up to nine photos: thumbnail, upload progress or problem, 删除 and 重试. */
export function PhotoGrid(props: {
  photos: DraftPhoto[]
  error?: string
  disabled?: boolean
  onAdd: () => void
  onRemove: (localId: string) => void
  onRetry: (localId: string) => void
}) {
  const { photos } = props
  return (
    <View className='field'>
      <View className='field__label'>
        照片（选填，最多 {MAX_PHOTOS} 张，每张不超过 5 MB）· 已选 {photos.length} 张
      </View>
      <View className='chips'>
        {photos.map((photo, index) => (
          <View key={photo.localId} className='card'>
            {/* Named on a wrapper: Taro H5's Image is a custom element whose inner <img> gets no label. */}
            <View
              ariaRole='button'
              ariaLabel={`查看第 ${index + 1} 张照片大图`}
              onClick={() =>
                previewPhotos(
                  photos.map((p) => p.previewPath),
                  photo.previewPath,
                )
              }
            >
              <View ariaRole='img' ariaLabel={`第 ${index + 1} 张照片`}>
                <Image
                  src={photo.previewPath}
                  mode='aspectFill'
                  style={{ width: '160px', height: '160px' }}
                  nativeProps={{ alt: '' }}
                />
              </View>
            </View>
            <View className={photo.error ? 'error-text' : 'muted'} ariaRole='status'>
              {photoStatus(photo)}
            </View>
            {photo.error && photoProblem(photo) === null && canRetry(photo.localId) ? (
              <ActionButton
                variant='secondary'
                label={`重试上传第 ${index + 1} 张照片`}
                onClick={() => props.onRetry(photo.localId)}
              >
                重试
              </ActionButton>
            ) : null}
            <ActionButton
              variant='secondary'
              label={`删除第 ${index + 1} 张照片`}
              disabled={props.disabled}
              onClick={() => props.onRemove(photo.localId)}
            >
              删除
            </ActionButton>
          </View>
        ))}
      </View>
      {photos.length < MAX_PHOTOS ? (
        <ActionButton variant='secondary' label='添加照片' disabled={props.disabled} onClick={props.onAdd} />
      ) : null}
      {props.error ? <View className='error-text'>{props.error}</View> : null}
    </View>
  )
}
