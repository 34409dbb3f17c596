import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { PageShell } from '../../src/core/PageShell'
import { navigateTo } from '../../src/platform/navigation'
import { isChunkLoadError, watchPageLoadFailures } from '../../src/platform/pageLoadFailure'

const taro = Taro as unknown as Record<string, jest.Mock>

beforeEach(() => {
  jest.clearAllMocks()
  ;(window as unknown as { __taroAppConfig?: unknown }).__taroAppConfig = {
    routes: [
      { path: 'pages/workbench/index', navigationBarTitleText: '工作台' },
      { path: 'packages/seals/pages/audit/index', navigationBarTitleText: '用章记录' },
    ],
  }
})

afterEach(() => {
  document.querySelectorAll('.page-load-failure').forEach((element) => element.remove())
})

describe('H5 title bar on pages that are not tabs', () => {
  test('a sub-page is named by its page config and has a real 返回 button', () => {
    taro.useRouter.mockReturnValue({ path: '/packages/seals/pages/audit/index?stamp=3', params: {} })
    taro.getCurrentPages.mockReturnValue([{}, {}])
    render(<PageShell>记录</PageShell>)
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('用章记录')
    const back = screen.getByRole('button', { name: '返回' })
    expect(back.tagName).toBe('BUTTON')
    fireEvent.click(back)
    expect(taro.navigateBack).toHaveBeenCalledWith({ delta: 1 })
    expect(taro.reLaunch).not.toHaveBeenCalled()
  })

  test('opened with nothing below it (a link, a reload), 返回 goes to 工作台', () => {
    taro.useRouter.mockReturnValue({ path: '/packages/seals/pages/audit/index', params: {} })
    taro.getCurrentPages.mockReturnValue([{}])
    render(<PageShell>记录</PageShell>)
    fireEvent.click(screen.getByRole('button', { name: '返回' }))
    expect(taro.navigateBack).not.toHaveBeenCalled()
    expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/workbench/index' })
  })

  test('a tab page has no title bar (the tab bar is its way around)', () => {
    taro.useRouter.mockReturnValue({ path: '/pages/workbench/index', params: {} })
    render(<PageShell>工作台</PageShell>)
    expect(screen.queryByRole('heading')).toBeNull()
    expect(screen.queryByRole('button', { name: '返回' })).toBeNull()
  })
})

describe('a page whose code cannot be fetched', () => {
  test('recognises webpack chunk failures (JS and CSS) and nothing else', () => {
    expect(isChunkLoadError(Object.assign(new Error('Loading chunk 257 failed.'), { name: 'ChunkLoadError' }))).toBe(
      true,
    )
    expect(isChunkLoadError({ code: 'CSS_CHUNK_LOAD_FAILED', message: 'Loading CSS chunk 12 failed.' })).toBe(true)
    expect(isChunkLoadError(new Error('Loading chunk 9 failed.\n(error: http://x/js/9.js)'))).toBe(true)
    expect(isChunkLoadError(new Error('boom'))).toBe(false)
    expect(isChunkLoadError(undefined)).toBe(false)
  })

  test('H5: the router failing on a chunk shows 页面未能打开 with 重试, which opens the address again', async () => {
    watchPageLoadFailures((path) => path === '/pages/licences/index')
    window.location.hash = '#/packages/policies/pages/list/index?from=workbench'
    const event = Object.assign(new Event('unhandledrejection', { cancelable: true }), {
      reason: Object.assign(new Error('Loading chunk 257 failed.'), { name: 'ChunkLoadError' }),
    })
    window.dispatchEvent(event)
    expect(event.defaultPrevented).toBe(true)
    const dialog = screen.getByRole('alertdialog', { name: '页面未能打开' })
    expect(dialog.textContent).toContain('网络连接失败')
    const retry = screen.getByRole('button', { name: '重试' })
    expect(document.activeElement).toBe(retry)
    taro.redirectTo.mockResolvedValue({ errMsg: 'redirectTo:ok' })
    await act(async () => fireEvent.click(retry))
    expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/policies/pages/list/index?from=workbench' })
    expect(screen.queryByRole('alertdialog')).toBeNull()

    // A tab page is opened again as a tab; 关闭 leaves the user where they are.
    window.location.hash = '#/pages/licences/index'
    window.dispatchEvent(
      Object.assign(new Event('unhandledrejection', { cancelable: true }), {
        reason: Object.assign(new Error('x'), { name: 'ChunkLoadError' }),
      }),
    )
    taro.switchTab.mockResolvedValue({ errMsg: 'switchTab:ok' })
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '重试' })))
    expect(taro.switchTab).toHaveBeenCalledWith({ url: '/pages/licences/index' })
    window.dispatchEvent(
      Object.assign(new Event('unhandledrejection', { cancelable: true }), {
        reason: Object.assign(new Error('x'), { name: 'ChunkLoadError' }),
      }),
    )
    fireEvent.click(screen.getByRole('button', { name: '关闭' }))
    expect(screen.queryByRole('alertdialog')).toBeNull()
  })

  test('a navigation the platform fails for want of network (a subpackage download) says so, and 重试 tries again', async () => {
    taro.navigateTo.mockRejectedValueOnce({ errMsg: 'navigateTo:fail download subpackage timeout' })
    await expect(navigateTo('/packages/seals/pages/audit/index')).rejects.toEqual({
      errMsg: 'navigateTo:fail download subpackage timeout',
    })
    expect(screen.getByRole('alertdialog', { name: '页面未能打开' })).toBeTruthy()
    taro.navigateTo.mockResolvedValueOnce({ errMsg: 'navigateTo:ok' })
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '重试' })))
    expect(taro.navigateTo).toHaveBeenCalledTimes(2)
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/seals/pages/audit/index' })
  })

  test('a wrong call (a tab opened with navigateTo) is no network failure: no notice', async () => {
    taro.navigateTo.mockRejectedValueOnce({ errMsg: 'navigateTo:fail can not navigateTo a tabbar page' })
    await expect(navigateTo('/packages/seals/pages/seals/index')).rejects.toBeTruthy()
    expect(screen.queryByRole('alertdialog')).toBeNull()
  })
})
