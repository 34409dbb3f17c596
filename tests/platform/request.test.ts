import type { Transport, TransportRequest } from '../../src/api/client'
import type * as RequestModule from '../../src/platform/request'
import { loadForPlatform } from './loadForPlatform'

const PATH = '../../src/platform/request'
const request: TransportRequest = {
  url: 'https://api.example.cn/api/v1/me/consent',
  method: 'PUT',
  headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'k1' },
  body: '{"accepted":true}',
  timeoutMs: 8000,
}

function load(platform: 'weapp' | 'alipay' | 'h5') {
  const { mod, taro } = loadForPlatform<typeof RequestModule>(platform, PATH)
  return { transport: mod.taroTransport, taroRequest: taro.request }
}

it('passes a string body, headers, method and timeout, and asks for text', async () => {
  const { transport, taroRequest } = load('h5')
  taroRequest.mockResolvedValue({
    statusCode: 200,
    header: { 'content-type': 'application/json' },
    data: '{"ok":true}',
  })
  await expect(transport(request)).resolves.toEqual({
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: '{"ok":true}',
  })
  expect(taroRequest).toHaveBeenCalledWith(
    expect.objectContaining({
      url: request.url,
      method: 'PUT',
      header: request.headers,
      data: '{"accepted":true}',
      timeout: 8000,
      dataType: 'text',
    }),
  )
})

it.each([
  ['h5', Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' }), 'timeout'],
  ['h5', new TypeError('Failed to fetch'), 'network'],
  ['weapp', { errMsg: 'request:fail timeout' }, 'timeout'],
  [
    'weapp',
    { errMsg: 'request:fail errcode:-1001 cronet_error_code:-1001 error_msg:net::ERR_CONNECTION_TIMED_OUT' },
    'timeout',
  ],
  ['weapp', { errMsg: 'request:fail -2:net::ERR_FAILED' }, 'network'],
  ['alipay', { error: 13, errorMessage: '超时' }, 'timeout'],
  ['alipay', { error: 12, errorMessage: '网络出错' }, 'network'],
  ['alipay', { error: 19, errorMessage: 'http status error' }, 'network'],
] as const)('%s: maps failure %p', async (platform, failure, kind) => {
  const { transport, taroRequest } = load(platform)
  taroRequest.mockRejectedValue(failure)
  const error = await transport(request).catch((e: unknown) => e)
  expect(error).toMatchObject({ name: 'RequestFailedError', kind })
})

it('alipay: a non-2xx that my.request reports as fail (error 19) is still a response', async () => {
  const { transport, taroRequest } = load('alipay')
  const body = '{"code":"SESSION_EXPIRED","message":"登录已过期"}'
  taroRequest.mockRejectedValue({
    error: 19,
    errorMessage: 'http status error',
    status: 401,
    headers: { a: 'b' },
    data: body,
  })
  await expect(transport(request)).resolves.toEqual({ status: 401, headers: { a: 'b' }, body })
})

it('weapp: a non-2xx resolves as a response (WeChat never fails on status)', async () => {
  const { transport, taroRequest } = load('weapp')
  taroRequest.mockResolvedValue({ statusCode: 503, header: {}, data: '' })
  await expect(transport(request)).resolves.toEqual({ status: 503, headers: {}, body: '' })
})

it('fits the api client: its failures become TimeoutError / NetworkError there', async () => {
  const { createApiClient } = await import('../../src/api/client')
  const { transport, taroRequest } = load('weapp')
  const typed: Transport = transport // compile-time check that the two contracts still match
  const client = createApiClient({
    baseUrl: '',
    transport: typed,
    getToken: () => null,
    onUnauthorized: async () => false,
  })
  taroRequest
    .mockRejectedValueOnce({ errMsg: 'request:fail timeout' })
    .mockRejectedValueOnce({ errMsg: 'request:fail' })
  await expect(client.request('POST', '/a', { timeoutMs: 500 })).rejects.toMatchObject({
    name: 'TimeoutError',
    timeoutMs: 500,
  })
  await expect(client.request('POST', '/a')).rejects.toMatchObject({ name: 'NetworkError', message: 'request:fail' })
})
