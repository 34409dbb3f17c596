import Taro from '@tarojs/taro'

/**
 * A page whose code is not on the device yet cannot open without the network. On H5, Taro's router
 * fetches each page's chunk when it is first opened: offline, webpack rejects with ChunkLoadError
 * (mini-css-extract: "Loading CSS chunk … failed") inside the router, the address changes and
 * nothing else happens. On WeChat and Alipay the platform downloads a subpackage on first use, and
 * navigateTo fails when it cannot (src/platform/navigation.ts reports that here). Either way the user
 * is told, with 重试 that opens the page again and 关闭 that leaves them where they are.
 */

export const PAGE_LOAD_FAILURE_TITLE = '页面未能打开'
export const PAGE_LOAD_FAILURE_TEXT = '网络连接失败，这个页面还没有下载到本机。请检查网络后点「重试」。'

/** Webpack's chunk failure (JS or CSS), as the H5 router lets it through. */
export function isChunkLoadError(reason: unknown): boolean {
  if (!reason || typeof reason !== 'object') return false
  const { name, message, code } = reason as { name?: unknown; message?: unknown; code?: unknown }
  if (name === 'ChunkLoadError' || code === 'CSS_CHUNK_LOAD_FAILED') return true
  return typeof message === 'string' && /Loading (CSS )?chunk \S+ failed/.test(message)
}

/**
 * A mini-program navigation that failed for want of the network (a subpackage that could not be
 * downloaded, a timeout), as opposed to a wrong call (a tab page opened with navigateTo, an unknown
 * page), which no retry mends.
 */
export function isOpenFailureForNetwork(error: unknown): boolean {
  const errMsg = (error as { errMsg?: unknown } | null)?.errMsg
  return typeof errMsg === 'string' && /network|timeout|download|subpackage|time out|网络|超时/i.test(errMsg)
}

let shown: { element: HTMLElement; previousFocus: Element | null } | null = null

function closeNotice(): void {
  if (!shown) return
  const { element, previousFocus } = shown
  shown = null
  element.remove()
  if (previousFocus instanceof HTMLElement) previousFocus.focus()
}

function button(label: string, className: string, onClick: () => void): HTMLButtonElement {
  const element = document.createElement('button')
  element.type = 'button'
  element.className = `page-load-failure__button ${className}`
  element.textContent = label
  element.addEventListener('click', onClick)
  return element
}

/**
 * H5: plain DOM over everything, outside every page root — when the very first page of a visit
 * fails there is no page to hold it. One notice at a time; 重试 closes it and tries again (a second
 * failure shows it anew).
 */
function showH5Notice(retry: () => void): void {
  if (typeof document === 'undefined') return
  if (shown) {
    shown.element.querySelector<HTMLButtonElement>('.page-load-failure__retry')?.focus()
    return
  }
  const overlay = document.createElement('div')
  overlay.className = 'page-load-failure'
  const dialog = document.createElement('div')
  dialog.className = 'page-load-failure__dialog'
  dialog.setAttribute('role', 'alertdialog')
  dialog.setAttribute('aria-modal', 'true')
  dialog.setAttribute('aria-labelledby', 'page-load-failure-title')
  dialog.setAttribute('aria-describedby', 'page-load-failure-text')
  const title = document.createElement('div')
  title.id = 'page-load-failure-title'
  title.className = 'page-load-failure__title'
  title.textContent = PAGE_LOAD_FAILURE_TITLE
  const text = document.createElement('div')
  text.id = 'page-load-failure-text'
  text.textContent = PAGE_LOAD_FAILURE_TEXT
  const retryButton = button('重试', 'page-load-failure__retry', () => {
    closeNotice()
    retry()
  })
  const closeButton = button('关闭', 'page-load-failure__close', closeNotice)
  // Keyboard users stay in the notice (two buttons: Tab moves between them) and Escape closes it.
  dialog.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') closeNotice()
    if (event.key !== 'Tab') return
    event.preventDefault()
    ;(document.activeElement === retryButton ? closeButton : retryButton).focus()
  })
  dialog.append(title, text, retryButton, closeButton)
  overlay.append(dialog)
  shown = { element: overlay, previousFocus: document.activeElement }
  document.body.append(overlay)
  retryButton.focus()
}

/** Tells the user a page could not be opened, offering 重试 (which calls `retry`) and 关闭. */
export function showPageLoadFailure(retry: () => Promise<void> | void): void {
  const again = () => {
    void Promise.resolve()
      .then(retry)
      .catch(() => undefined)
  }
  // Written out in full so the build replaces it with a literal and the mini-programs' bundles drop
  // the H5 notice (their main package is near its size budget).
  if (process.env.TARO_ENV === 'h5') {
    showH5Notice(again)
    return
  }
  Taro.showModal({
    title: PAGE_LOAD_FAILURE_TITLE,
    content: PAGE_LOAD_FAILURE_TEXT,
    confirmText: '重试',
    cancelText: '关闭',
    showCancel: true,
  })
    .then((result) => {
      if (result.confirm) again()
    })
    .catch(() => undefined)
}

/**
 * H5: the address the router failed to open (from the hash route) is opened again, as a tab
 * (switchTab) or in place of the page still on screen (redirectTo: its entry in the browser's
 * history is kept, so 返回 still leads back there).
 */
function reopenCurrentAddress(isTabPage: (path: string) => boolean): Promise<void> {
  const url = window.location.hash.replace(/^#/, '') || '/'
  const path = url.split('?')[0]
  return isTabPage(path)
    ? Taro.switchTab({ url: path }).then(() => undefined)
    : Taro.redirectTo({ url }).then(() => undefined)
}

/**
 * H5: watches for pages whose code failed to load and shows the notice. `isTabPage` tells tab pages
 * (opened with switchTab) from the rest. A no-op on the mini-programs (see navigation.ts).
 */
export function watchPageLoadFailures(isTabPage: (path: string) => boolean): void {
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return
  window.addEventListener('unhandledrejection', (event: PromiseRejectionEvent) => {
    if (!isChunkLoadError(event.reason)) return
    event.preventDefault()
    showPageLoadFailure(() => reopenCurrentAddress(isTabPage))
  })
}
