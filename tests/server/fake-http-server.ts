import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { ApiError } from '../../server/kernel/http/api-error'

/** A local stand-in for WeChat or Alipay: records each request and answers with `reply`. */

export interface RecordedRequest {
  method: string
  url: URL
  headers: IncomingMessage['headers']
  body: string
}

export type Reply = (request: RecordedRequest, response: ServerResponse) => void

export interface FakeHttpServer {
  /** e.g. http://127.0.0.1:54321 */
  baseUrl: string
  requests: RecordedRequest[]
  /** Changes how the next requests are answered. */
  reply: Reply
  close(): Promise<void>
}

export async function startFakeHttpServer(
  initial: Reply = (_r, response) => response.end(),
  host = '127.0.0.1',
): Promise<FakeHttpServer> {
  const fake = { requests: [] as RecordedRequest[], reply: initial } as FakeHttpServer
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const recorded = {
        method: request.method ?? '',
        url: new URL(request.url ?? '/', 'http://127.0.0.1'),
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      }
      fake.requests.push(recorded)
      fake.reply(recorded, response)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, host, resolve))
  fake.baseUrl = `http://${host}:${(server.address() as AddressInfo).port}`
  fake.close = () =>
    new Promise<void>((resolve) => {
      // Requests left hanging on purpose (timeout tests) must not keep the server open.
      server.closeAllConnections()
      server.close(() => resolve())
    })
  return fake
}

export function sendJson(response: ServerResponse, body: unknown, status = 200): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
  response.end(typeof body === 'string' ? body : JSON.stringify(body))
}

/** A base URL nothing listens on: a server is started, its port noted, and it is closed. */
export async function deadBaseUrl(): Promise<string> {
  const fake = await startFakeHttpServer()
  await fake.close()
  return fake.baseUrl
}

/** The ApiError code and status a provider call fails with; fails the test if it succeeds. */
export async function apiFailure(promise: Promise<unknown>): Promise<{ code: string; status: number }> {
  try {
    await promise
  } catch (error) {
    if (error instanceof ApiError) return { code: error.code, status: error.statusCode }
    throw error
  }
  throw new Error('expected the provider call to fail')
}
