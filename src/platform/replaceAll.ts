/**
 * String.prototype.replaceAll (iOS 13.4): Taro's H5 router calls it (query-string), nothing in the
 * mini-programs does. Installed by src/core/polyfills.ts, on H5 only, where the engine lacks it.
 */

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

export function installReplaceAll(): void {
  // A literal test in this module: the mini-programs' bundles drop the polyfill.
  if (process.env.TARO_ENV !== 'h5') return
  const stringProto = String.prototype as unknown as { replaceAll?: typeof replaceAll }
  if (typeof stringProto.replaceAll !== 'function') {
    Object.defineProperty(String.prototype, 'replaceAll', { value: replaceAll, configurable: true, writable: true })
  }
}
