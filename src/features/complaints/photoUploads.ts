import { uploadComplaintPhoto } from '../../api/complaints/uploadComplaintPhoto'
import { userMessage } from '../../api/errors'
import { useSession } from '../../core/session'
import { MAX_PHOTOS } from '../../domain/complaints/validation'
import { apiBaseUrl } from '../../platform/env'
import { choosePhotos, forgetPhoto, sendPhoto, type PickedPhoto } from '../../platform/media'
import { photoProblem } from '../../domain/complaints/validation'
import { useComplaintDraft, type DraftPhoto } from './draftStore'

const picked = new Map<string, PickedPhoto>()

/** Uploads one photo of the draft, reporting progress on it; a failure stays on the photo with a retry. */
export async function uploadPhoto(localId: string): Promise<void> {
  const photo = picked.get(localId)
  const { setPhoto } = useComplaintDraft.getState()
  if (!photo) {
    setPhoto(localId, { error: '照片已失效，请删除后重新选择' })
    return
  }
  setPhoto(localId, { error: null, progress: 0 })
  try {
    const uploaded = await uploadComplaintPhoto({
      baseUrl: apiBaseUrl,
      token: useSession.getState().token,
      mimeType: photo.mimeType,
      send: (request) => sendPhoto(photo, request, (progress) => setPhoto(localId, { progress })),
    })
    setPhoto(localId, { attachmentId: uploaded.attachmentId, progress: 1 })
  } catch (error) {
    setPhoto(localId, { error: userMessage(error), progress: 0 })
  }
}

/** Picks photos up to the limit, checks each, and uploads the good ones one after another. */
export async function pickAndUploadPhotos(): Promise<void> {
  const room = MAX_PHOTOS - useComplaintDraft.getState().draft.photos.length
  if (room <= 0) return
  const chosen = (await choosePhotos(room)).slice(0, room)
  const photos: DraftPhoto[] = chosen.map((p) => ({
    localId: p.localId,
    previewPath: p.previewPath,
    mimeType: p.mimeType,
    sizeBytes: p.sizeBytes,
    attachmentId: null,
    progress: 0,
    error: photoProblem(p),
  }))
  for (const p of chosen) picked.set(p.localId, p)
  useComplaintDraft.getState().addPhotos(photos)
  for (const photo of photos) if (photo.error === null) await uploadPhoto(photo.localId)
}

export function removePhoto(localId: string): void {
  picked.delete(localId)
  forgetPhoto(localId)
  useComplaintDraft.getState().removePhoto(localId)
}

/** Whether this photo can be uploaded again (it is still held in memory, not lost with a restart). */
export function canRetry(localId: string): boolean {
  return picked.has(localId)
}
