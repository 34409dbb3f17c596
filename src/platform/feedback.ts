import Taro from '@tarojs/taro'

// Taro maps these onto wx.* / my.* (Alipay: showToast title→content, icon→type, showModal →
// my.confirm / my.alert) and onto its own DOM widgets on H5.

/** WeChat truncates a toast with an icon to 7 Chinese characters; longer text goes without one. */
const ICON_TEXT_LIMIT = 7

export type ToastKind = 'success' | 'error' | 'info'

/** A short, non-blocking message. */
export function toast(message: string, kind: ToastKind = 'info', durationMs = 2000): void {
  const icon = kind === 'info' || message.length > ICON_TEXT_LIMIT ? 'none' : kind
  quietly(() => Taro.showToast({ title: message, icon, duration: durationMs }))
}

export interface ConfirmOptions {
  title: string
  content: string
  /** WeChat allows at most 4 Chinese characters. */
  confirmText?: string
  cancelText?: string
}

/** A two-button modal; true only when the user tapped confirm (closing or failing counts as no). */
export async function confirm(options: ConfirmOptions): Promise<boolean> {
  try {
    const res = await Taro.showModal({
      title: options.title,
      content: options.content,
      confirmText: options.confirmText ?? '确定',
      cancelText: options.cancelText ?? '取消',
      showCancel: true,
    })
    return res.confirm === true
  } catch {
    return false
  }
}

/** A blocking spinner. WeChat shows one of toast/loading at a time, so a toast replaces it. */
export function showLoading(title = '加载中'): void {
  quietly(() => Taro.showLoading({ title, mask: true }))
}

export function hideLoading(): void {
  quietly(() => Taro.hideLoading())
}

/** Runs `task` under a spinner, hiding it however the task ends. */
export async function withLoading<T>(task: () => Promise<T>, title?: string): Promise<T> {
  showLoading(title)
  try {
    return await task()
  } finally {
    hideLoading()
  }
}

// Feedback is best effort: a toast that fails (page unloading, another modal open) must never
// turn a successful action into an error.
function quietly(call: () => unknown): void {
  try {
    void Promise.resolve(call()).catch(() => undefined)
  } catch {
    // ignored, see above
  }
}
