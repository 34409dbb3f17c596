// A stand-in for the network boundary of the app tests: src/platform/request's transport is
// replaced by routes answered here, so screens run through the real API client, stores and
// error mapping, and the tests see exactly what the app sent.
import type { TransportRequest, TransportResponse } from '../../src/api/client'

type Handler = (
  request: TransportRequest & { json: any },
) => { status?: number; body?: unknown } | Promise<{ status?: number; body?: unknown }>

export function createFakeApi() {
  const routes = new Map<string, Handler>()
  const calls: (TransportRequest & { json: any })[] = []
  const transport = async (request: TransportRequest): Promise<TransportResponse> => {
    const path = request.url.replace(/^https?:\/\/[^/]+/, '').split('?')[0]
    const call = { ...request, json: request.body ? JSON.parse(request.body) : undefined }
    calls.push(call)
    const handler = routes.get(`${request.method} ${path}`)
    if (!handler) return { status: 404, headers: {}, body: { code: 'NOT_FOUND', message: '接口不存在' } }
    const { status = 200, body = null } = await handler(call)
    return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
  }
  return {
    transport,
    calls,
    on(method: string, path: string, handler: Handler) {
      routes.set(`${method} ${path}`, handler)
    },
  }
}

export type FakeApi = ReturnType<typeof createFakeApi>
