/**
 * Built-ins newer than the oldest engine we run on, iOS 12.0's JavaScriptCore (WeChat's and
 * Alipay's logic layer there, and WeChat's in-app browser). The output check
 * (scripts/output-check.ts) lists them in the built code: Object.fromEntries (iOS 12.2, ours
 * in src/platform/subscribe.ts) and String.prototype.replaceAll (iOS 13.4, from query-string in
 * Taro's H5 router: src/platform/replaceAll.ts, H5 only). Each is installed only where the engine
 * lacks it. Imported first by app.tsx.
 */
import { installReplaceAll } from '../platform/replaceAll'

type Entries = Iterable<readonly [PropertyKey, unknown]>

export function fromEntries(entries: Entries): Record<PropertyKey, unknown> {
  const result: Record<PropertyKey, unknown> = {}
  for (const [key, value] of entries) result[key] = value
  return result
}

export function installPolyfills(): void {
  const objectCtor = Object as unknown as { fromEntries?: typeof fromEntries }
  if (typeof objectCtor.fromEntries !== 'function') objectCtor.fromEntries = fromEntries
  installReplaceAll()
}

installPolyfills()
