import Taro from '@tarojs/taro'
import type { StateStorage } from 'zustand/middleware'

// WeChat, Alipay (via Taro's plugin) and Taro H5 all return '' for a missing key, not null.
// zustand's persist would JSON.parse('') and fail hydration, so '' means "absent" here.
// Values are always strings we wrote; anything else was written by older code and is re-encoded.

/** The stored string, or null when the key is missing or unreadable. */
export function getItem(key: string): string | null {
  try {
    const value: unknown = Taro.getStorageSync(key)
    if (value === '' || value === undefined || value === null) return null
    return typeof value === 'string' ? value : JSON.stringify(value)
  } catch {
    return null
  }
}

/** Throws when the platform refuses (WeChat: 1 MB per key, 10 MB per mini-program). */
export function setItem(key: string, value: string): void {
  Taro.setStorageSync(key, value)
}

export function removeItem(key: string): void {
  Taro.removeStorageSync(key)
}

/**
 * For `createJSONStorage(() => platformStorage)`. A full disk must not crash a state update,
 * so writes that the platform refuses are logged and dropped: the state stays in memory.
 */
export const platformStorage: StateStorage = {
  getItem,
  setItem: (key, value) => {
    try {
      setItem(key, value)
    } catch (error) {
      console.warn(`[storage] could not persist ${key}`, error)
    }
  },
  removeItem: (key) => {
    try {
      removeItem(key)
    } catch (error) {
      console.warn(`[storage] could not remove ${key}`, error)
    }
  },
}
