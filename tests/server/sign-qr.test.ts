import { buildSignQrContent } from '../../src/domain/signing/signTicket'
import { createTestApp, type TestApp } from './helpers'

let t: TestApp

beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

test('the path a sign QR carries lands on the H5 扫码签章 page with the ticket', async () => {
  const ticket = 'AbCdEfGhIjKlMnOpQrStUvWxYz012_-9'
  const path = new URL(buildSignQrContent(ticket)).pathname
  const res = await t.app.inject({ method: 'GET', url: path })
  expect(res.statusCode).toBe(302)
  expect(res.headers.location).toBe(`/#/packages/seals/pages/sign/index?t=${ticket}`)
})

test.each([
  'short',
  'AbCdEfGhIjKlMnOpQrStUvWxYz012_-9x',
  'AbCdEfGhIjKlMnOpQrStUvWxYz012_*9',
  'A'.repeat(65),
  'A'.repeat(300),
  'AbCdEfGhIjKlMnOpQrStUvWxYz012_-9/extra',
])('anything that is not a ticket (%s) still lands on the sign page, marked as not ours', async (value) => {
  const res = await t.app.inject({ method: 'GET', url: `/s/${encodeURIComponent(value).replace(/%2F/g, '/')}` })
  expect(res.statusCode).toBe(302)
  expect(res.headers.location).toBe('/#/packages/seals/pages/sign/index?e=not-ours')
})

test('the verification link lands on the H5 验章 page with the record and hash, and nothing else', async () => {
  const record = '0F8E6A52-1C7B-4D0E-9B3A-2F1E4C5D6A7B'
  const hash = 'AB'.repeat(32)
  const res = await t.app.inject({ method: 'GET', url: `/verify?record=${record}&hash=${hash}` })
  expect(res.statusCode).toBe(302)
  expect(res.headers.location).toBe(
    `/#/packages/seals/pages/verify/index?record=${record.toLowerCase()}&hash=${hash.toLowerCase()}`,
  )
  const plain = await t.app.inject({ method: 'GET', url: '/verify' })
  expect(plain.statusCode).toBe(302)
  expect(plain.headers.location).toBe('/#/packages/seals/pages/verify/index')
})

test.each([
  ['junk', '/verify?record=x%26evil%3D1&hash=zz&other=1'],
  ['a NUL byte', '/verify?hash=%00'],
  ['a record id cut short', `/verify?record=0f8e6a52-1c7b-4d0e-9b3a&hash=${'ab'.repeat(32)}`],
  ['no hash', '/verify?record=0f8e6a52-1c7b-4d0e-9b3a-2f1e4c5d6a7b'],
  ['a repeated parameter', `/verify?record=a&record=b&hash=${'ab'.repeat(32)}`],
])('a verification link that cannot be used (%s) still lands on the 验章 page, marked broken', async (_, url) => {
  const res = await t.app.inject({ method: 'GET', url })
  expect(res.statusCode).toBe(302)
  expect(res.headers.location).toBe('/#/packages/seals/pages/verify/index?e=broken')
})
