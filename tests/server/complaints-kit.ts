import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import sharp from 'sharp'
import { buildApp } from '../../server/app'
import type { Db } from '../../server/kernel/db/db'
import { localDiskStorage } from '../../server/kernel/storage/attachment-storage'
import { VALID_COMPLAINT } from './complaint-input'
import { bearer, loginSandbox, testConfig, TEST_ADMIN_KEY } from './helpers'

/** Fixtures shared by the 有诉即办 server suites. */

export interface ComplaintsApp {
  app: FastifyInstance
  /** moves the app's clock */
  setNow(iso: string): void
}

/** The moment a complaints app starts at (and where a suite puts it back before each test). */
export const COMPLAINTS_START = '2026-09-01T10:00:00+08:00'

export async function complaintsApp(db: Db, start = COMPLAINTS_START): Promise<ComplaintsApp> {
  let nowMs = Date.parse(start)
  const storage = localDiskStorage(mkdtempSync(join(tmpdir(), 'zqt-attachments-')))
  const app = buildApp({ db, config: testConfig(), now: () => nowMs, attachmentStorage: storage })
  await app.ready()
  return {
    app,
    setNow(iso) {
      nowMs = Date.parse(iso)
    },
  }
}

let keySerial = 0
export function freshKey(): string {
  return `complaint-key-${process.pid}-${++keySerial}-${Date.now()}`
}

export const VALID_INPUT = VALID_COMPLAINT

export async function userToken(app: FastifyInstance, phone: string): Promise<string> {
  return (await loginSandbox(app, phone)).token
}

export function submit(
  app: FastifyInstance,
  token: string,
  payload: unknown = VALID_INPUT,
  key: string | null = freshKey(),
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: '/api/v1/complaints',
    headers: { ...bearer(token), ...(key === null ? {} : { 'idempotency-key': key }) },
    payload: payload as Record<string, unknown>,
  })
}

export function staffAction(
  app: FastifyInstance,
  complaintId: string,
  payload: Record<string, unknown>,
  staffName: string | null = '张三',
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: `/api/v1/staff/complaints/${complaintId}/actions`,
    headers: {
      ...bearer(TEST_ADMIN_KEY),
      ...(staffName === null ? {} : { 'x-staff-name': encodeURIComponent(staffName) }),
    },
    payload,
  })
}

export function userAction(
  app: FastifyInstance,
  token: string,
  complaintId: string,
  payload: Record<string, unknown>,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: `/api/v1/complaints/${complaintId}/actions`,
    headers: bearer(token),
    payload,
  })
}

/**
 * A real photo (uploads are decoded, so the bytes must be an image): a colour gradient, so an
 * encoder has something to keep, optionally with EXIF (GPS, orientation) as a phone writes it.
 */
export async function samplePhoto(
  format: 'jpeg' | 'png' | 'webp',
  options: { width?: number; height?: number; exif?: Record<string, Record<string, string>> } = {},
): Promise<Buffer> {
  const width = options.width ?? 48
  const height = options.height ?? 32
  const pixels = Buffer.alloc(width * height * 3)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      pixels.set([(x * 255) / width, (y * 255) / height, 128], (y * width + x) * 3)
    }
  }
  let image = sharp(pixels, { raw: { width, height, channels: 3 } })
  if (options.exif) image = image.withExif(options.exif)
  return image.toFormat(format).toBuffer()
}

/** Bytes that start as a PNG or a JPEG and are not one. */
export const FAKE_PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('<script>alert(document.cookie)</script>'),
])
export const FAKE_JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  Buffer.from('<script>alert(1)</script>'),
])

export function upload(
  app: FastifyInstance,
  token: string,
  body: Buffer,
  contentType: string,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: '/api/v1/complaints/attachments',
    headers: { ...bearer(token), 'content-type': contentType },
    payload: body,
  })
}
