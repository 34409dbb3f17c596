import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import { SERVICE_WORKER_SOURCE } from './service-worker'

/**
 * A file name carrying a content hash (`app.b1424f6d.js`, from `[contenthash:8]` in config/index.ts):
 * its bytes never change under that name, so browsers may keep it for a year without asking again.
 */
const CONTENT_HASHED = /\.[0-9a-f]{8}\.[a-z0-9]+$/

export const IMMUTABLE = 'public, max-age=31536000, immutable'
/** index.html and anything unhashed: cached, but revalidated (ETag) on every use, so a new build shows at once. */
export const REVALIDATE = 'no-cache'

export function cacheControlFor(filePath: string): string {
  const served = filePath.replace(/\.(br|gz)$/, '')
  return CONTENT_HASHED.test(served) ? IMMUTABLE : REVALIDATE
}

/**
 * Serves the H5 build at `/`. Taro's H5 router uses hash routes, so plain files plus index.html for
 * `/` are enough. The build writes brotli and gzip copies beside each text file
 * (scripts/precompress.ts): the one the browser accepts is sent as it is, or the original when it
 * accepts neither or no copy exists.
 */
export async function registerH5Static(app: FastifyInstance, root: string): Promise<void> {
  // The offline shell (./service-worker.ts), at the root so its scope is the whole app; revalidated
  // like index.html, so a changed worker reaches browsers at their next visit. Added before the
  // plugin is awaited: added after, it hung a caller that does not await this before app.ready.
  app.get('/sw.js', async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', REVALIDATE).send(SERVICE_WORKER_SOURCE),
  )
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    index: ['index.html'],
    preCompressed: true,
    // send's own `max-age=0` would overwrite ours.
    cacheControl: false,
    setHeaders: (res, filePath) => {
      res.setHeader('cache-control', cacheControlFor(filePath))
      // Which bytes were sent depends on Accept-Encoding; a shared cache must keep them apart.
      res.setHeader('vary', 'accept-encoding')
    },
  })
}
