import { BODY_LIMIT_BYTES } from '../../server/app'
import { createTestApp, expectError, snapshotCounts, type TestApp } from './helpers'

let t: TestApp

beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

const login = (payload: string, contentType = 'application/json') =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': contentType }, payload })

describe('health and docs', () => {
  it('reports ok and the database kind', async () => {
    const response = await t.app.inject('/api/v1/health')
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ status: 'ok', db: process.env.DATABASE_URL ? 'postgres' : 'pglite' })
  })

  it('serves the OpenAPI document with every API route and the shared error schema', async () => {
    const response = await t.app.inject('/api/docs/json')
    expect(response.statusCode).toBe(200)
    const doc = response.json()
    expect(doc.openapi).toMatch(/^3\./)
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/health',
        '/api/v1/auth/login',
        '/api/v1/auth/logout',
        '/api/v1/me',
        '/api/v1/me/consent',
        '/api/v1/me/current-enterprise',
        '/api/v1/enterprises',
        '/api/v1/enterprises/{enterpriseId}',
        '/api/v1/admin/systems',
        '/api/v1/admin/systems/{id}',
      ]),
    )
    expect(doc.paths['/api/v1/auth/login'].post.requestBody.content['application/json'].schema.required).toEqual([
      'platform',
      'code',
      'consentVersion',
    ])
    expect(doc.components.schemas.ApiError).toBeDefined()
  })

  it('serves the Swagger UI', async () => {
    const response = await t.app.inject('/api/docs/')
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toMatch(/text\/html/)
  })
})

describe('one error shape for bad requests', () => {
  it('answers unknown routes with NOT_FOUND', async () => {
    const response = await t.app.inject('/api/v1/no-such-thing')
    expectError(response, 404, 'NOT_FOUND')
    expect(response.json().message).toBe('请求的资源不存在')
  })

  it('answers malformed JSON with INVALID_JSON', async () => {
    const response = await login('{"platform": "h5",')
    expectError(response, 400, 'INVALID_JSON')
    expect(response.json().message).toBe('请求内容不是有效的 JSON')
  })

  it('rejects prototype-poisoning JSON instead of parsing it', async () => {
    const response = await login(
      '{"platform":"h5","code":"sandbox:13800000001","consentVersion":"1","__proto__":{"admin":true}}',
    )
    expectError(response, 400, 'INVALID_JSON')
  })

  it('answers a non-JSON content type with 415', async () => {
    expectError(await login('platform=h5', 'application/x-www-form-urlencoded'), 415, 'UNSUPPORTED_MEDIA_TYPE')
    expectError(await login('hello', 'text/plain'), 415, 'UNSUPPORTED_MEDIA_TYPE')
  })

  it('answers an oversized body with 413 and writes nothing', async () => {
    const before = await snapshotCounts(t.db)
    const payload = JSON.stringify({ platform: 'h5', code: 'x'.repeat(BODY_LIMIT_BYTES + 1), consentVersion: '1' })
    expectError(await login(payload), 413, 'PAYLOAD_TOO_LARGE')
    expect(await snapshotCounts(t.db)).toEqual(before)
  })

  it('treats an empty JSON body as a missing body', async () => {
    const response = await login('')
    expectError(response, 400, 'VALIDATION_FAILED')
  })

  it('rejects unknown query parameters', async () => {
    const response = await t.app.inject('/api/v1/health?debug=1')
    expectError(response, 400, 'VALIDATION_FAILED')
    expect(response.json().details).toEqual([{ field: 'debug', message: '不支持的字段 debug' }])
  })
})
