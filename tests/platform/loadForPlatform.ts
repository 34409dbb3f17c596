import type { Platform } from '../../src/contract/account/schemas'

/**
 * Loads a src/platform module as the given build would (TARO_ENV is read at module load),
 * with a fresh Taro mock. Returns the module and that mock.
 */
export function loadForPlatform<T>(
  platform: Platform,
  modulePath: string,
): { mod: T; taro: Record<string, jest.Mock> } {
  const previous = process.env.TARO_ENV
  process.env.TARO_ENV = platform
  let loaded!: { mod: T; taro: Record<string, jest.Mock> }
  try {
    jest.isolateModules(() => {
      loaded = { mod: require(modulePath) as T, taro: require('@tarojs/taro') as Record<string, jest.Mock> }
    })
  } finally {
    process.env.TARO_ENV = previous
  }
  return loaded
}
