/**
 * Built-ins newer than the oldest engine we run on, iOS 12.0's JavaScriptCore (WeChat's and
 * Alipay's logic layer there, and WeChat's in-app browser). The output check
 * (scripts/output-check.ts) lists them in the built code: Object.fromEntries (iOS 12.2, ours
 * in src/platform/subscribe.ts) and String.prototype.replaceAll (iOS 13.4, from query-string in
 * Taro's H5 router). Each is installed only where the engine lacks it. Imported first by app.tsx.
 */

type Entries = Iterable<readonly [PropertyKey, unknown]>

export function fromEntries(entries: Entries): Record<PropertyKey, unknown> {
  const result: Record<PropertyKey, unknown> = {}
  for (const [key, value] of entries) result[key] = value
  return result
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

export function replaceAll(
  this: string,
  pattern: string | RegExp,
  replacement: string | ((substring: string, ...args: unknown[]) => string),
): string {
  if (pattern instanceof RegExp) {
    if (!pattern.global) throw new TypeError('replaceAll must be called with a global RegExp')
    return this.replace(pattern, replacement as string)
  }
  return this.replace(new RegExp(escapeRegExp(String(pattern)), 'g'), replacement as string)
}

export function installPolyfills(): void {
  const objectCtor = Object as unknown as { fromEntries?: typeof fromEntries }
  if (typeof objectCtor.fromEntries !== 'function') objectCtor.fromEntries = fromEntries
  const stringProto = String.prototype as unknown as { replaceAll?: typeof replaceAll }
  if (typeof stringProto.replaceAll !== 'function') {
    Object.defineProperty(String.prototype, 'replaceAll', { value: replaceAll, configurable: true, writable: true })
  }
}

installPolyfills()
