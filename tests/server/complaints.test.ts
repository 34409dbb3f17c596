import type { FastifyInstance } from 'fastify'
import sharp from 'sharp'
import { bearer, countRows, DEMO, expectError, openTestDb, TEST_ADMIN_KEY, type TestDb } from './helpers'
import {
  complaintsApp,
  FAKE_JPEG,
  FAKE_PNG,
  freshKey,
  samplePhoto,
  staffAction,
  submit,
  upload,
  userAction,
  userToken,
  VALID_INPUT,
  type ComplaintsApp,
  COMPLAINTS_START,
} from './complaints-kit'
import type { ComplaintView } from '../../src/contract/complaints/schemas'
import type { InboxPage } from '../../src/contract/account/schemas'

let testDb: TestDb
let kit: ComplaintsApp
let app: FastifyInstance
let rep: string
let other: string
let PNG: Buffer
let JPEG: Buffer

beforeAll(async () => {
  PNG = await samplePhoto('png')
  JPEG = await samplePhoto('jpeg')
  testDb = await openTestDb()
  kit = await complaintsApp(testDb.db)
  app = kit.app
  rep = await userToken(app, DEMO.rep)
  other = await userToken(app, DEMO.agent)
})

afterAll(async () => {
  await app.close()
  await testDb.close()
})

// Every test starts at the kit's first moment; a test that moves the clock moves it for itself only.
beforeEach(() => kit.setNow(COMPLAINTS_START))

async function created(payload: unknown = VALID_INPUT, token = rep): Promise<ComplaintView> {
  const response = await submit(app, token, payload)
  expect(response.statusCode).toBe(201)
  return response.json<ComplaintView>()
}

async function inbox(token: string): Promise<InboxPage> {
  const response = await app.inject({ method: 'GET', url: '/api/v1/inbox', headers: bearer(token) })
  expect(response.statusCode).toBe(200)
  return response.json<InboxPage>()
}

describe('submitting a complaint', () => {
  it('creates a real-name case with its SLA, timeline and masked phone', async () => {
    const view = await created()
    expect(view.case.state).toBe('submitted')
    expect(view.statusLabel).toBe('已提交')
    expect(view.contactPhoneMasked).toBe('138****8000')
    expect(view.sla).toMatchObject({ clock: 'running', overdue: false, timeLimitWorkingDays: 13 })
    expect(view.sla.text).toMatch(/剩余 \d+ 个工作日/)
    expect(view.timeline).toHaveLength(1)
    expect(view.timeline[0]).toMatchObject({ step: 'submit', to: 'submitted', title: '提交诉求' })
    expect(view.availableActions).toEqual(['withdraw'])
    expect(view.queryCode).toBeUndefined()

    const mine = await app.inject({ method: 'GET', url: '/api/v1/complaints', headers: bearer(rep) })
    expect(mine.json<{ items: ComplaintView[] }>().items.map((item) => item.id)).toContain(view.id)
    const one = await app.inject({ method: 'GET', url: `/api/v1/complaints/${view.id}`, headers: bearer(rep) })
    expect(one.json<ComplaintView>().id).toBe(view.id)
  })

  it('requires an Idempotency-Key and writes nothing without one', async () => {
    const before = await countRows(testDb.db, 'complaints')
    expectError(await submit(app, rep, VALID_INPUT, null), 400, 'VALIDATION_FAILED')
    expect(await countRows(testDb.db, 'complaints')).toBe(before)
  })

  it('answers field problems with details and writes nothing', async () => {
    const before = await countRows(testDb.db, 'complaints')
    const response = await submit(app, rep, { ...VALID_INPUT, title: '积水', contactPhone: '12345' })
    expectError(response, 400, 'VALIDATION_FAILED')
    const fields = response.json<{ details: { field: string }[] }>().details.map((detail) => detail.field)
    expect(fields.sort()).toEqual(['contactPhone', 'title'])
    expect(await countRows(testDb.db, 'complaints')).toBe(before)
  })

  it('gives an anonymous submitter a query code once, which finds the case', async () => {
    const response = await submit(app, rep, { ...VALID_INPUT, anonymous: true, contactPhone: null })
    expect(response.statusCode).toBe(201)
    const view = response.json<ComplaintView>()
    expect(view.queryCode).toMatch(/^[2-9A-HJ-NP-Z]{10}$/)
    expect(view.contactPhoneMasked).toBeNull()
    const code = view.queryCode!
    const found = await app.inject({
      method: 'GET',
      url: `/api/v1/complaints/by-code/${code.slice(0, 5)}-${code.slice(5).toLowerCase()}`,
      headers: bearer(other),
    })
    expect(found.statusCode).toBe(200)
    expect(found.json<ComplaintView>()).toMatchObject({ id: view.id, anonymous: true })
    expect(found.json<ComplaintView>().queryCode).toBeUndefined()

    const again = await app.inject({ method: 'GET', url: `/api/v1/complaints/${view.id}`, headers: bearer(rep) })
    expect(again.json<ComplaintView>().queryCode).toBeUndefined()
    // A typo fails the check character; a well-formed code nobody holds is a 404.
    const typo = code.slice(0, 9) + (code[9] === 'A' ? 'B' : 'A')
    expectError(
      await app.inject({ method: 'GET', url: `/api/v1/complaints/by-code/${typo}`, headers: bearer(rep) }),
      400,
      'VALIDATION_FAILED',
    )
    expectError(
      await app.inject({ method: 'GET', url: '/api/v1/complaints/by-code/2222222222', headers: bearer(rep) }),
      404,
      'COMPLAINT_NOT_FOUND',
    )
  })

  it('refuses a phone number on an anonymous case', async () => {
    const response = await submit(app, rep, { ...VALID_INPUT, anonymous: true })
    expectError(response, 400, 'VALIDATION_FAILED')
    expect(response.json<{ details: { field: string }[] }>().details[0].field).toBe('contactPhone')
  })

  it('makes exactly one complaint from 50 concurrent submissions with one key', async () => {
    const before = await countRows(testDb.db, 'complaints')
    const key = freshKey()
    const responses = await Promise.all(Array.from({ length: 50 }, () => submit(app, rep, VALID_INPUT, key)))
    const statuses = responses.map((response) => response.statusCode)
    expect(statuses.filter((status) => status === 201)).toHaveLength(1)
    expect(statuses.every((status) => status === 201 || status === 200)).toBe(true)
    expect(new Set(responses.map((response) => response.json<ComplaintView>().id)).size).toBe(1)
    expect(await countRows(testDb.db, 'complaints')).toBe(before + 1)

    // The key reused for a different submission is refused, not answered with the first complaint.
    const reused = await submit(app, rep, { ...VALID_INPUT, title: '另一个诉求标题' }, key)
    expectError(reused, 409, 'IDEMPOTENCY_CONFLICT')
    expect(await countRows(testDb.db, 'complaints')).toBe(before + 1)
  })

  it("hides another user's complaint as a 404", async () => {
    const view = await created()
    expectError(
      await app.inject({ method: 'GET', url: `/api/v1/complaints/${view.id}`, headers: bearer(other) }),
      404,
      'COMPLAINT_NOT_FOUND',
    )
    expectError(await userAction(app, other, view.id, { type: 'withdraw' }), 404, 'COMPLAINT_NOT_FOUND')
    const theirs = await app.inject({ method: 'GET', url: '/api/v1/complaints', headers: bearer(other) })
    expect(theirs.json<{ items: ComplaintView[] }>().items.map((item) => item.id)).not.toContain(view.id)
    expectError(await app.inject({ method: 'GET', url: '/api/v1/complaints' }), 401, 'UNAUTHORIZED')
  })
})

describe('photo attachments', () => {
  it('stores the photo re-encoded, attaches it, and serves it to the submitter and staff only', async () => {
    const uploaded = await upload(app, rep, PNG, 'image/png')
    expect(uploaded.statusCode).toBe(201)
    const { attachmentId, sizeBytes } = uploaded.json<{ attachmentId: string; sizeBytes: number }>()
    const view = await created({ ...VALID_INPUT, attachmentIds: [attachmentId] })
    expect(view.attachments).toEqual([{ id: attachmentId, mimeType: 'image/png', sizeBytes }])

    const url = `/api/v1/complaints/${view.id}/attachments/${attachmentId}`
    const mine = await app.inject({ method: 'GET', url, headers: bearer(rep) })
    expect(mine.statusCode).toBe(200)
    expect(mine.headers).toMatchObject({
      'content-type': 'image/png',
      'content-disposition': `inline; filename="photo-${attachmentId}.png"`,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'",
    })
    expect(mine.rawPayload.length).toBe(sizeBytes)
    expect(await sharp(mine.rawPayload).metadata()).toMatchObject({ format: 'png', width: 48, height: 32 })
    expectError(await app.inject({ method: 'GET', url, headers: bearer(other) }), 404, 'COMPLAINT_NOT_FOUND')
    const staff = await app.inject({
      method: 'GET',
      url: `/api/v1/staff${url.slice(7)}`,
      headers: bearer(TEST_ADMIN_KEY),
    })
    expect(staff.statusCode).toBe(200)
    expect(staff.headers['content-security-policy']).toBe("default-src 'none'")
    expect(staff.headers['x-content-type-options']).toBe('nosniff')
    expect(staff.rawPayload.equals(mine.rawPayload)).toBe(true)

    // Claimed once: a second complaint cannot reuse it.
    expectError(await submit(app, rep, { ...VALID_INPUT, attachmentIds: [attachmentId] }), 400, 'VALIDATION_FAILED')
  })

  it('drops EXIF (the GPS position of a phone photo) and turns the photo upright as EXIF said', async () => {
    const phonePhoto = await sharp(await samplePhoto('jpeg', { width: 40, height: 20 }))
      .withExif({
        IFD0: { Make: 'ZQT Phone', Model: 'Test 1' },
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '34/1 1/1 30/1',
          GPSLongitudeRef: 'E',
          GPSLongitude: '113/1 50/1 0/1',
        },
      })
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer()
    const sent = await sharp(phonePhoto).metadata()
    expect(sent.exif?.includes(Buffer.from('ZQT Phone'))).toBe(true)
    expect(sent.orientation).toBe(6)

    const { attachmentId } = (await upload(app, rep, phonePhoto, 'image/jpeg')).json<{ attachmentId: string }>()
    const view = await created({ ...VALID_INPUT, attachmentIds: [attachmentId] })
    const served = await app.inject({
      method: 'GET',
      url: `/api/v1/complaints/${view.id}/attachments/${attachmentId}`,
      headers: bearer(rep),
    })
    expect(served.headers['content-type']).toBe('image/jpeg')
    const stored = await sharp(served.rawPayload).metadata()
    expect(stored).toMatchObject({ format: 'jpeg', width: 20, height: 40 })
    expect(stored.exif).toBeUndefined()
    expect(stored.orientation).toBeUndefined()
    expect(served.rawPayload.includes(Buffer.from('ZQT Phone'))).toBe(false)
  })

  it('scales a photo down to 4096 px on its long side, and keeps WebP as WebP', async () => {
    const wide = await samplePhoto('webp', { width: 5000, height: 100 })
    const uploaded = await upload(app, rep, wide, 'image/webp')
    expect(uploaded.statusCode).toBe(201)
    expect(uploaded.json().mimeType).toBe('image/webp')
    const { attachmentId } = uploaded.json<{ attachmentId: string }>()
    const view = await created({ ...VALID_INPUT, attachmentIds: [attachmentId] })
    const served = await app.inject({
      method: 'GET',
      url: `/api/v1/complaints/${view.id}/attachments/${attachmentId}`,
      headers: bearer(rep),
    })
    expect(await sharp(served.rawPayload).metadata()).toMatchObject({ format: 'webp', width: 4096, height: 82 })
  })

  it("refuses another user's upload as a photo", async () => {
    const { attachmentId } = (await upload(app, other, JPEG, 'image/jpeg')).json<{ attachmentId: string }>()
    expectError(await submit(app, rep, { ...VALID_INPUT, attachmentIds: [attachmentId] }), 400, 'VALIDATION_FAILED')
  })

  it('refuses a file that starts like an image and is not one (a script behind a PNG header)', async () => {
    const before = await countRows(testDb.db, 'complaint_attachments')
    for (const [bytes, type] of [
      [FAKE_PNG, 'image/png'],
      [FAKE_JPEG, 'image/jpeg'],
      [Buffer.concat([Buffer.from('RIFF\0\0\0\0WEBP', 'latin1'), Buffer.from('<script>1</script>')]), 'image/webp'],
      [PNG.subarray(0, 40), 'image/png'],
    ] as const) {
      const response = await upload(app, rep, bytes, type)
      expectError(response, 400, 'VALIDATION_FAILED')
      expect(response.json().message).toBe('请求参数有误：图片无法识别，可能已损坏或并非真正的图片，请重新拍摄或选择')
    }
    expect(await countRows(testDb.db, 'complaint_attachments')).toBe(before)
  })

  it('refuses wrong types, disguised files, empty and oversize uploads, writing nothing', async () => {
    const before = await countRows(testDb.db, 'complaint_attachments')
    expectError(await upload(app, rep, PNG, 'image/jpeg'), 415, 'UNSUPPORTED_MEDIA_TYPE')
    expectError(await upload(app, rep, Buffer.from('hello, not an image'), 'text/plain'), 415, 'UNSUPPORTED_MEDIA_TYPE')
    expectError(await upload(app, rep, Buffer.from('hello, not an image'), 'image/png'), 415, 'UNSUPPORTED_MEDIA_TYPE')
    expectError(await upload(app, rep, Buffer.from('%PDF-1.7'), 'application/pdf'), 415, 'UNSUPPORTED_MEDIA_TYPE')
    const oversize = Buffer.concat([JPEG, Buffer.alloc(5 * 1024 * 1024)])
    expectError(await upload(app, rep, oversize, 'image/jpeg'), 413, 'PAYLOAD_TOO_LARGE')
    expect([400, 415]).toContain((await upload(app, rep, Buffer.alloc(0), 'image/png')).statusCode)
    expect(await countRows(testDb.db, 'complaint_attachments')).toBe(before)
  })
})

describe('the case through its steps', () => {
  it('lets the submitter withdraw before 受理 only', async () => {
    const first = await created()
    const withdrawn = await userAction(app, rep, first.id, { type: 'withdraw' })
    expect(withdrawn.statusCode).toBe(200)
    expect(withdrawn.json<ComplaintView>()).toMatchObject({ statusLabel: '已撤回' })

    const second = await created()
    expect((await staffAction(app, second.id, { type: 'accept' })).statusCode).toBe(200)
    const refused = await userAction(app, rep, second.id, { type: 'withdraw' })
    expectError(refused, 409, 'COMPLAINT_ACTION_REFUSED')
    expect(refused.json().message).toBe('诉求已受理，不能撤回')
  })

  it('checks staff access and X-Staff-Name', async () => {
    const view = await created()
    const noKey = await app.inject({
      method: 'POST',
      url: `/api/v1/staff/complaints/${view.id}/actions`,
      headers: bearer(rep),
      payload: { type: 'accept' },
    })
    expectError(noKey, 401, 'ADMIN_KEY_INVALID')
    expectError(await staffAction(app, view.id, { type: 'accept' }, null), 400, 'VALIDATION_FAILED')
    expectError(
      await staffAction(app, '00000000-0000-4000-8000-000000000000', { type: 'accept' }),
      404,
      'COMPLAINT_NOT_FOUND',
    )
  })

  it('runs 受理 → 交办 → 办理 → 退回补充 → 补充 → 答复, refusing illegal steps with 409, notifying the submitter', async () => {
    const view = await created()
    const unreadBefore = (await inbox(rep)).unread

    const illegal = await staffAction(app, view.id, { type: 'start' })
    expectError(illegal, 409, 'COMPLAINT_ACTION_REFUSED')
    expect(illegal.json().message).toBe('当前状态为「已提交」，不能开始办理')
    expectError(await staffAction(app, view.id, { type: 'assign' }), 400, 'VALIDATION_FAILED')

    kit.setNow('2026-09-01T11:00:00+08:00')
    expect((await staffAction(app, view.id, { type: 'accept' })).statusCode).toBe(200)
    expect((await staffAction(app, view.id, { type: 'assign', department: '魏都区住建局' })).statusCode).toBe(200)
    expect((await staffAction(app, view.id, { type: 'start' })).statusCode).toBe(200)
    const asked = await staffAction(app, view.id, { type: 'request-info', question: '请补充积水位置照片' })
    expect(asked.json<ComplaintView>().sla.clock).toBe('paused')
    // A step only the submitter takes is refused to staff by the schema (400) or the machine (409).
    expect([400, 409]).toContain((await staffAction(app, view.id, { type: 'supply-info' })).statusCode)
    const supplied = await userAction(app, rep, view.id, { type: 'supply-info', addition: '积水在东门口' })
    expect(supplied.json<ComplaintView>().case.state).toBe('in-progress')
    const replied = await staffAction(app, view.id, { type: 'reply', answer: '已安排清淤，今日完成' })
    const after = replied.json<ComplaintView>()
    expect(after.case.state).toBe('replied')
    expect(after.sla.clock).toBe('replied')
    expect(after.timeline.map((entry) => entry.step)).toEqual([
      'submit',
      'accept',
      'assign',
      'start',
      'request-info',
      'supply-info',
      'reply',
    ])
    expect(after.timeline[1].staffName).toBe('张三')
    // The submitter's view does not name the staff.
    const own = await app.inject({ method: 'GET', url: `/api/v1/complaints/${view.id}`, headers: bearer(rep) })
    expect(own.json<ComplaintView>().timeline[1].staffName).toBeUndefined()
    expect(own.json<ComplaintView>().availableActions).toEqual(['rate'])

    const messages = await inbox(rep)
    expect(messages.unread).toBe(unreadBefore + 5)
    const latest = messages.items[0]
    expect(latest).toMatchObject({ kind: 'complaint', link: { kind: 'complaint', complaintId: view.id } })
    expect(latest.body).toContain('已安排清淤')
  })

  it('does not notify an anonymous submitter', async () => {
    const anonymous = (
      await submit(app, other, { ...VALID_INPUT, anonymous: true, contactPhone: null })
    ).json<ComplaintView>()
    const before = (await inbox(other)).unread
    expect((await staffAction(app, anonymous.id, { type: 'accept' })).statusCode).toBe(200)
    expect((await inbox(other)).unread).toBe(before)
  })

  it('sends a 差评 on a real-name case to 回访 with deadlines, and takes one final re-rating', async () => {
    kit.setNow('2026-09-02T10:00:00+08:00')
    const view = await created({ ...VALID_INPUT, category: 'enquiry' })
    await staffAction(app, view.id, { type: 'accept' })
    await staffAction(app, view.id, { type: 'reply', answer: '请到政务服务中心 3 号窗口办理' })
    expectError(await userAction(app, rep, view.id, { type: 'rate', level: 'awful' }), 400, 'VALIDATION_FAILED')

    const rated = await userAction(app, rep, view.id, { type: 'rate', level: 'dissatisfied', comment: '答非所问' })
    expect(rated.statusCode).toBe(200)
    const visit = rated.json<ComplaintView>()
    expect(visit.case.state).toBe('return-visit')
    expect(visit.case.returnVisit).toMatchObject({ callBackBy: '2026-09-03', calledBackAt: null })
    expect(visit.case.returnVisit!.rectifyBy > '2026-09-03').toBe(true)

    const early = await userAction(app, rep, view.id, { type: 'rate', level: 'satisfied' })
    expectError(early, 409, 'COMPLAINT_ACTION_REFUSED')
    expect(early.json().message).toContain('整改完成后才能再次评价')
    expectError(
      await staffAction(app, view.id, { type: 'report-rectification', note: '已整改' }),
      409,
      'COMPLAINT_ACTION_REFUSED',
    )
    expect((await staffAction(app, view.id, { type: 'record-call-back', note: '已电话回访' })).statusCode).toBe(200)
    expect((await staffAction(app, view.id, { type: 'report-rectification', note: '已更新窗口指引' })).statusCode).toBe(
      200,
    )
    const final = await userAction(app, rep, view.id, { type: 'rate', level: 'satisfied' })
    expect(final.json<ComplaintView>().case).toMatchObject({
      state: 'rated',
      rating: 'dissatisfied',
      reRating: 'satisfied',
    })
    const again = await userAction(app, rep, view.id, { type: 'rate', level: 'very-satisfied' })
    expectError(again, 409, 'COMPLAINT_ACTION_REFUSED')
    expect(again.json().message).toBe('回访后的评价为最终评价，不能再次评价')
  })

  it('lists for staff by state and overdue, and supervises overdue cases once', async () => {
    kit.setNow('2026-09-03T10:00:00+08:00')
    const urgent = await created({ ...VALID_INPUT, category: 'urgent', title: '燃气管道泄漏' })
    const list = await app.inject({
      method: 'GET',
      url: '/api/v1/staff/complaints?state=submitted&overdue=false',
      headers: bearer(TEST_ADMIN_KEY),
    })
    expect(list.statusCode).toBe(200)
    expect(list.json<{ items: ComplaintView[] }>().items.map((item) => item.id)).toContain(urgent.id)

    const supervise = (now?: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/admin/complaints/supervise',
        headers: bearer(TEST_ADMIN_KEY),
        payload: now ? { now } : {},
      })
    expect((await supervise('2026-09-03T12:00:00+08:00')).json().supervised).not.toContain(urgent.id)
    kit.setNow('2026-09-10T10:00:00+08:00')
    const overdue = await app.inject({
      method: 'GET',
      url: '/api/v1/staff/complaints?overdue=true',
      headers: bearer(TEST_ADMIN_KEY),
    })
    expect(overdue.json<{ items: ComplaintView[] }>().items.map((item) => item.id)).toContain(urgent.id)
    const first = await supervise()
    expect(first.statusCode).toBe(200)
    expect(first.json().supervised).toContain(urgent.id)
    expect((await supervise()).json().supervised).not.toContain(urgent.id)
    const after = await app.inject({ method: 'GET', url: `/api/v1/complaints/${urgent.id}`, headers: bearer(rep) })
    expect(after.json<ComplaintView>().statusLabel).toBe('已提交（已督办）')
    expect(after.json<ComplaintView>().timeline.map((entry) => entry.step)).toEqual(['submit', 'supervise'])
    expectError(
      await app.inject({ method: 'POST', url: '/api/v1/admin/complaints/supervise', payload: {} }),
      401,
      'ADMIN_KEY_INVALID',
    )
  })
})
