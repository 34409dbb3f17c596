import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import helmet from '@fastify/helmet'
import type { FastifyInstance } from 'fastify'
import { isProduction, type Config } from '../config'

/** 180 days: long enough to matter, short enough to undo a mistake within one certificate's life. */
export const HSTS_MAX_AGE_SECONDS = 180 * 24 * 60 * 60

/**
 * CSP sources of the inline scripts of the served H5 page: Taro puts a small one in index.html (the
 * viewport/rem set-up), fixed at build time. Allowing exactly their hashes keeps `'unsafe-inline'`
 * out of script-src. No build (API-only server, tests): none.
 */
export function inlineScriptHashes(indexHtml: string): string[] {
  const hashes: string[] = []
  const inlineScript = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi
  let match: RegExpExecArray | null
  while ((match = inlineScript.exec(indexHtml)) !== null) {
    if (match[1].trim() === '') continue
    hashes.push(`'sha256-${createHash('sha256').update(match[1], 'utf8').digest('base64')}'`)
  }
  return hashes
}

function servedPageHashes(staticDir: string): string[] {
  try {
    return inlineScriptHashes(readFileSync(join(staticDir, 'index.html'), 'utf8'))
  } catch {
    return []
  }
}

/**
 * Taro's H5 tab bar renders its items as `<a href="javascript:;">` (the click handler navigates);
 * a tap is a javascript: navigation. 'unsafe-hashes' with the hash of that URL allows exactly this
 * no-op and no other inline script, handler or URL.
 */
const TAB_BAR_JAVASCRIPT_URL = [
  "'unsafe-hashes'",
  `'sha256-${createHash('sha256').update('javascript:;').digest('base64')}'`,
]

/**
 * What the H5 app needs, checked in Chromium (tests/e2e/headers.e2e.ts): its own scripts, the
 * hashed inline one and the tab bar's javascript: links; the WeUI icon fonts Taro inlines as data:;
 * inline styles (Taro's components and the photo picker set style attributes); images from data:
 * (SVG seals, signatures, icons) and blob: (photos picked for a complaint, attachments fetched with
 * the session token); API calls to its own origin only; frames from its own origin only (扫码签章
 * shows the document's PDF in place on H5, server/capabilities/esign/signing/sign-task-document.ts). Nothing may frame it.
 */
function contentSecurityPolicy(config: Pick<Config, 'nodeEnv' | 'staticDir'>) {
  return {
    useDefaults: false,
    directives: {
      'default-src': ["'self'"],
      'script-src': ["'self'", ...servedPageHashes(config.staticDir), ...TAB_BAR_JAVASCRIPT_URL],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'font-src': ["'self'", 'data:'],
      'connect-src': ["'self'"],
      'frame-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'self'"],
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
      ...(isProduction(config) ? { 'upgrade-insecure-requests': [] } : {}),
    },
  }
}

/**
 * Security headers on every response (CSP, HSTS in production, frame and referrer policy, nosniff),
 * and `Cache-Control: no-store` on API answers, which are personal (a shared cache or the browser's
 * disk must not keep someone's licences or cases). A route that sets its own Cache-Control keeps it.
 */
export function registerSecurityHeaders(app: FastifyInstance, config: Config, apiPrefix: string): void {
  app.register(helmet, {
    contentSecurityPolicy: contentSecurityPolicy(config),
    strictTransportSecurity: isProduction(config) ? { maxAge: HSTS_MAX_AGE_SECONDS, includeSubDomains: true } : false,
    frameguard: { action: 'deny' },
    // Sign-task tickets travel in URLs (/s/<ticket>): no page passes its address on.
    referrerPolicy: { policy: 'no-referrer' },
  })
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith(`${apiPrefix}/`) && !reply.hasHeader('cache-control')) {
      reply.header('cache-control', 'no-store')
    }
    return payload
  })
}
