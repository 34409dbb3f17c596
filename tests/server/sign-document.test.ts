import type { FastifyInstance } from 'fastify'
import { sm3Hex } from '../../server/capabilities/esign/signing/sm2'
import { DEMO, expectError, type TestDb } from './helpers'
import {
  DOC_SM3,
  acceptGrant,
  HANDLER_PIN,
  confirm,
  createTask,
  sandboxUser,
  scan,
  type SigningFixture,
  closeSigningApp,
  openSigningApp,
} from './seal-test-app'

/** 扫码签章 — see what you sign: the document uploaded with a task, for its scanner only. */

let testDb: TestDb
let app: FastifyInstance
let fx: SigningFixture

beforeAll(async () => {
  ;({ testDb, app, fx } = await openSigningApp())
})
afterAll(() => closeSigningApp(app, testDb))

const PDF = Buffer.from('%PDF-1.7\n采购合同正文 2026-003\n%%EOF')
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('rest')])

const taskWith = (extra: Record<string, unknown>) =>
  createTask(app, fx.system, {
    enterpriseUscc: fx.ruifengUscc,
    signers: [{ sealType: 'contract' }],
    documentName: '采购合同 2026-003',
    ...extra,
  })
const fetchDocument = (auth: { authorization: string }, taskId: string) =>
  app.inject({ method: 'GET', url: `/api/v1/sign-tasks/${taskId}/document`, headers: auth })

describe('the document of a sign task', () => {
  it('is kept when uploaded, described in the preview and served to the scanner with safe headers', async () => {
    const created = await taskWith({ document: PDF.toString('base64') })
    expect(created.statusCode).toBe(201)
    const { taskId, ticket } = created.json()
    // Not before the task is scanned, not to the system's users at large.
    expectError(await fetchDocument(fx.handler, taskId), 404, 'NOT_FOUND')
    const preview = await scan(app, fx.handler, ticket)
    expect(preview.json().document).toEqual({
      kind: 'pdf',
      mimeType: 'application/pdf',
      sizeBytes: PDF.length,
      path: `/sign-tasks/${taskId}/document`,
      viewPath: expect.stringMatching(
        new RegExp(`^/sign-tasks/${taskId}/document\\?view=\\d{10}\\.[A-Za-z0-9_-]{43}$`),
      ),
    })
    expect(preview.json().documentSm3).toBe(sm3Hex(PDF))

    const served = await fetchDocument(fx.handler, taskId)
    expect(served.statusCode).toBe(200)
    expect(served.rawPayload.equals(PDF)).toBe(true)
    expect(served.headers['content-type']).toBe('application/pdf')
    expect(served.headers['content-disposition']).toBe(`inline; filename="document-${taskId}.pdf"`)
    expect(served.headers['x-content-type-options']).toBe('nosniff')
    // Framed by the app's own page only (H5 shows it in place); still loading nothing.
    expect(served.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'self'")
    expect(served.headers['x-frame-options']).toBe('SAMEORIGIN')
    expect(served.headers['cache-control']).toBe('private, no-store')

    // Anyone else — even the enterprise's legal representative — reads it as unknown.
    expectError(await fetchDocument(fx.rep, taskId), 404, 'NOT_FOUND')
    expectError(await app.inject({ method: 'GET', url: `/api/v1/sign-tasks/${taskId}/document` }), 401, 'UNAUTHORIZED')
    const stranger = await sandboxUser(app, DEMO.agent)
    expectError(await fetchDocument(stranger, taskId), 404, 'NOT_FOUND')

    // After signing the signer may still open what they signed.
    expect((await confirm(app, fx.handler, taskId, { pin: HANDLER_PIN })).statusCode).toBe(200)
    expect((await fetchDocument(fx.handler, taskId)).statusCode).toBe(200)
  })

  it('serves images as images and anything else only as a download', async () => {
    const image = await taskWith({ document: PNG.toString('base64') })
    const imagePreview = await scan(app, fx.handler, image.json().ticket)
    expect(imagePreview.json().document).toMatchObject({ kind: 'image', mimeType: 'image/png' })
    expect((await fetchDocument(fx.handler, image.json().taskId)).headers['content-type']).toBe('image/png')

    // An HTML file must never be rendered from our origin.
    const html = Buffer.from('<html><script>alert(1)</script></html>')
    const other = await taskWith({ document: html.toString('base64') })
    const otherPreview = await scan(app, fx.handler, other.json().ticket)
    expect(otherPreview.json().document).toMatchObject({ kind: 'other', mimeType: 'application/octet-stream' })
    const served = await fetchDocument(fx.handler, other.json().taskId)
    expect(served.headers['content-type']).toBe('application/octet-stream')
    expect(served.headers['content-disposition']).toMatch(/^attachment;/)
    // Neither may be framed, and neither runs anything.
    for (const answer of [served, await fetchDocument(fx.handler, image.json().taskId)]) {
      expect(answer.headers['content-security-policy']).toBe("default-src 'none'; sandbox; frame-ancestors 'none'")
      expect(answer.headers['x-frame-options']).toBe('DENY')
    }
  })

  it('is absent for a task created by SM3 alone', async () => {
    const created = await taskWith({ documentSm3: DOC_SM3 })
    const preview = await scan(app, fx.handler, created.json().ticket)
    expect(preview.json().document).toBeNull()
    expectError(await fetchDocument(fx.handler, created.json().taskId), 404, 'NOT_FOUND')
  })

  it('takes the document with its declared SM3 only when they agree', async () => {
    const both = await taskWith({ document: PDF.toString('base64'), documentSm3: sm3Hex(PDF).toUpperCase() })
    expect(both.statusCode).toBe(201)
    const mismatch = await taskWith({ document: PDF.toString('base64'), documentSm3: DOC_SM3 })
    expectError(mismatch, 400, 'VALIDATION_FAILED')
    expect(mismatch.json().details).toEqual([{ field: 'documentSm3', message: expect.stringContaining('不一致') }])
  })

  it('is no longer served to a scanner whose grant was revoked before they signed', async () => {
    const { taskId, ticket } = (await taskWith({ document: PDF.toString('base64') })).json()
    expect((await scan(app, fx.handler, ticket)).statusCode).toBe(200)
    expect((await fetchDocument(fx.handler, taskId)).statusCode).toBe(200)
    const grants = await app.inject({
      method: 'GET',
      url: `/api/v1/enterprises/${fx.ruifeng}/seal-grants`,
      headers: fx.rep,
    })
    const grantId = (grants.json().items ?? grants.json())[0].id
    const url = `/api/v1/enterprises/${fx.ruifeng}/seal-grants/${grantId}`
    expect((await app.inject({ method: 'DELETE', url, headers: fx.rep })).statusCode).toBe(200)
    try {
      expectError(await fetchDocument(fx.handler, taskId), 404, 'NOT_FOUND')
    } finally {
      // The fixture's grant again, for the tests after this one.
      const until = new Date(app.clock() + 30 * 86_400_000).toISOString().slice(0, 10)
      const granted = await app.inject({
        method: 'POST',
        url: `/api/v1/enterprises/${fx.ruifeng}/seal-grants`,
        headers: fx.rep,
        payload: { grantee: { phone: DEMO.handler }, sealIds: [fx.seals.contract], validUntil: until, pin: '135790' },
      })
      await acceptGrant(app, fx.handler, granted.json().id)
    }
  })

  it('refuses a document over 10 MB', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 3, 0x41)
    const response = await taskWith({ document: big.toString('base64') })
    expectError(response, 400, 'VALIDATION_FAILED')
    expect(response.json().message).toContain('10 MB')
  })

  describe('the view link a frame uses (no session header)', () => {
    const byView = (path: string) => app.inject({ method: 'GET', url: `/api/v1${path}` })

    it('opens that document for its scanner, as a framable PDF, and nothing else', async () => {
      const { taskId, ticket } = (await taskWith({ document: PDF.toString('base64') })).json()
      const viewPath: string = (await scan(app, fx.handler, ticket)).json().document.viewPath
      const served = await byView(viewPath)
      expect(served.statusCode).toBe(200)
      expect(served.rawPayload.equals(PDF)).toBe(true)
      expect(served.headers['content-type']).toBe('application/pdf')
      expect(served.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'self'")
      expect(served.headers['cache-control']).toBe('private, no-store')

      // Another task's link does not open this one; a changed or cut token opens nothing.
      const other = (await taskWith({ document: PDF.toString('base64') })).json()
      const token = viewPath.split('?view=')[1]
      expectError(await byView(`/sign-tasks/${other.taskId}/document?view=${token}`), 404, 'NOT_FOUND')
      const flipped = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A')
      expectError(await byView(`/sign-tasks/${taskId}/document?view=${flipped}`), 404, 'NOT_FOUND')
      expectError(await byView(`/sign-tasks/${taskId}/document?view=${token.slice(0, 20)}`), 400, 'VALIDATION_FAILED')
      expectError(await byView(`/sign-tasks/${taskId}/document?view=${token}&x=1`), 400, 'VALIDATION_FAILED')
      // A later expiry with the old MAC is refused (the expiry is signed).
      const later = `${Number(token.split('.')[0]) + 3600}.${token.split('.')[1]}`
      expectError(await byView(`/sign-tasks/${taskId}/document?view=${later}`), 404, 'NOT_FOUND')
    })

    it('follows the task: refused once the task is rejected, like the session route', async () => {
      const { taskId, ticket } = (await taskWith({ document: PDF.toString('base64') })).json()
      const viewPath: string = (await scan(app, fx.handler, ticket)).json().document.viewPath
      const rejected = await app.inject({
        method: 'POST',
        url: `/api/v1/sign-tasks/${taskId}/reject`,
        headers: fx.handler,
        payload: {},
      })
      expect(rejected.statusCode).toBe(200)
      expectError(await byView(viewPath), 404, 'NOT_FOUND')
    })
  })
})
