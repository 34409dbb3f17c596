import sharp from 'sharp'

/**
 * An uploaded photo is decoded and encoded again before it is stored, never kept as sent: a
 * file that merely starts like a PNG (and goes on with `<script>…`) does not decode and is
 * refused, bytes after the image or inside its metadata do not survive, and the metadata goes —
 * a phone photo's EXIF carries the GPS position of where it was taken and the phone's serial.
 * The orientation EXIF stood for is applied to the pixels first, so the photo still stands up.
 */

export type StoredImageType = 'image/jpeg' | 'image/png' | 'image/webp'

/**
 * Longest side kept. A complaint photo must show the pothole or the notice on the wall to the
 * 12345 staff; 4096 px keeps text legible while bounding storage and what the app downloads
 * (a 48-megapixel phone photo is 8000 px wide).
 */
export const MAX_IMAGE_SIDE = 4096

/**
 * Refused before decoding: a 5 MB PNG of one colour can claim 30 000 × 30 000 pixels (3.6 GB
 * decoded). 100 megapixels admits every phone camera in use.
 */
export const MAX_INPUT_PIXELS = 100_000_000

export type ImageRefusal = 'unreadable' | 'too-many-pixels'

/** The bytes are not an image of the declared type that decodes cleanly, or too large to decode. */
export class ImageRefused extends Error {
  readonly name = 'ImageRefused'
  constructor(
    readonly reason: ImageRefusal,
    readonly detail: string,
  ) {
    super(`image refused (${reason}): ${detail}`)
  }
}

const SHARP_FORMAT: Record<StoredImageType, 'jpeg' | 'png' | 'webp'> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
}

export interface ReencodedImage {
  bytes: Buffer
  type: StoredImageType
  width: number
  height: number
}

/**
 * The photo as it will be stored: same format, EXIF orientation applied, no metadata, at most
 * MAX_IMAGE_SIDE a side; an animated WebP or PNG keeps its first frame (sharp reads one page).
 */
export async function reencodeImage(bytes: Buffer, type: StoredImageType): Promise<ReencodedImage> {
  // failOn 'error': a corrupt or truncated-in-the-header file is refused, not half decoded.
  const input = () => sharp(bytes, { failOn: 'error', limitInputPixels: MAX_INPUT_PIXELS })
  try {
    const { format } = await input().metadata()
    if (format !== SHARP_FORMAT[type]) throw new ImageRefused('unreadable', `declared ${type}, decoded ${format}`)
    const pipeline = input()
      .rotate()
      .resize({ width: MAX_IMAGE_SIDE, height: MAX_IMAGE_SIDE, fit: 'inside', withoutEnlargement: true })
    const encoded =
      type === 'image/jpeg'
        ? pipeline.jpeg({ quality: 85 })
        : type === 'image/png'
          ? pipeline.png()
          : pipeline.webp({ quality: 85 })
    // sharp keeps no EXIF, XMP, IPTC or ICC data unless asked to (keepMetadata / withMetadata).
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true })
    return { bytes: data, type, width: info.width, height: info.height }
  } catch (error) {
    if (error instanceof ImageRefused) throw error
    const message = error instanceof Error ? error.message : String(error)
    throw new ImageRefused(/pixel limit/i.test(message) ? 'too-many-pixels' : 'unreadable', message)
  }
}
