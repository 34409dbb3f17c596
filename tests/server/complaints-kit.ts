import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { buildApp } from '../../server/app'
import type { Db } from '../../server/db/db'
import { localDiskStorage } from '../../server/storage/attachment-storage'
import { VALID_COMPLAINT } from './complaint-input'
import { bearer, loginSandbox, testConfig, TEST_ADMIN_KEY } from './helpers'

/** Fixtures shared by the 有诉即办 server suites. */

export interface ComplaintsApp {
  app: FastifyInstance
  /** moves the app's clock */
  setNow(iso: string): void
}

export async function complaintsApp(db: Db, start = '2026-09-01T10:00:00+08:00'): Promise<ComplaintsApp> {
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

export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)])
export const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 3)])

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
