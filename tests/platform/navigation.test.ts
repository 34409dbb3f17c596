import type * as NavigationModule from '../../src/platform/navigation'
import { loadForPlatform } from './loadForPlatform'

// One tap must open one page: a double tap (or a touch replayed as a click) calls navigateTo twice.
// The clock is pinned; each test loads a fresh module, so no lock or memory leaks between tests.
const DETAIL = '/packages/licences/pages/detail/index'

function deferred() {
  let resolve!: () => void
  let reject!: (error: unknown) => void
  const promise = new Promise<void>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

beforeEach(() => {
  jest.useFakeTimers({ now: new Date('2026-03-02T09:00:00+08:00') })
})
afterEach(() => {
  jest.useRealTimers()
})

describe.each(['weapp', 'h5'] as const)('navigation guard (%s)', (platform) => {
  const load = () => loadForPlatform<typeof NavigationModule>(platform, '../../src/platform/navigation')

  it('a second navigateTo while the first is in flight opens nothing, to the same page or another', async () => {
    const { mod, taro } = load()
    const first = deferred()
    taro.navigateTo.mockReturnValueOnce(first.promise)
    const tap1 = mod.navigateTo(DETAIL, { id: 'L1' })
    const tap2 = mod.navigateTo(DETAIL, { id: 'L1' })
    const other = mod.navigateTo('/packages/licences/pages/form/index')
    const redirect = mod.redirectTo(DETAIL, { id: 'L2' })
    first.resolve()
    await Promise.all([tap1, tap2, other, redirect])
    expect(taro.navigateTo.mock.calls).toEqual([[{ url: `${DETAIL}?id=L1` }]])
    expect(taro.redirectTo).not.toHaveBeenCalled()
  })

  it('a double tap: the repeat is refused while the tapped page still shows, between pages, and once the page opened is on top', async () => {
    const { mod, taro } = load()
    const inbox = { path: '/pages/inbox/index', params: {} }
    taro.getCurrentInstance.mockReturnValue({ router: inbox })
    await mod.navigateTo(DETAIL, { id: 'L1' })
    await mod.navigateTo(DETAIL, { id: 'L1' })
    // Taro clears the router when the tapped page hides, and sets the new page's when it loads.
    taro.getCurrentInstance.mockReturnValue({ router: null })
    await mod.navigateTo(DETAIL, { id: 'L1' })
    taro.getCurrentInstance.mockReturnValue({ router: { path: DETAIL, params: { id: 'L1', stamp: 'AG' } } })
    await mod.navigateTo(DETAIL, { id: 'L1' })
    expect(taro.navigateTo).toHaveBeenCalledTimes(1)
  })

  it('back on the tapped page (shown anew), the same tap opens the page again at once', async () => {
    const { mod, taro } = load()
    const inbox = { path: '/pages/inbox/index', params: {} }
    taro.getCurrentInstance.mockReturnValue({ router: inbox })
    await mod.navigateTo(DETAIL, { id: 'L1' })
    taro.getCurrentInstance.mockReturnValue({ router: { ...inbox } })
    await mod.navigateTo(DETAIL, { id: 'L1' })
    expect(taro.navigateTo).toHaveBeenCalledTimes(2)
  })

  it('another page opens at once; the same page again after 1 s even if nothing seems to have moved', async () => {
    const { mod, taro } = load()
    taro.getCurrentInstance.mockReturnValue({ router: { path: '/pages/inbox/index', params: {} } })
    await mod.navigateTo(DETAIL, { id: 'L1' })
    await mod.navigateTo(DETAIL, { id: 'L2' })
    jest.advanceTimersByTime(999)
    await mod.navigateTo(DETAIL, { id: 'L2' })
    jest.advanceTimersByTime(1)
    await mod.navigateTo(DETAIL, { id: 'L2' })
    expect(taro.navigateTo.mock.calls.map((c) => c[0].url)).toEqual([
      `${DETAIL}?id=L1`,
      `${DETAIL}?id=L2`,
      `${DETAIL}?id=L2`,
    ])
  })

  it('redirectTo is guarded the same way (a double tap on 保存 must not replace twice)', async () => {
    const { mod, taro } = load()
    taro.getCurrentInstance.mockReturnValue({ router: { path: '/packages/licences/pages/form/index', params: {} } })
    await Promise.all([mod.redirectTo(DETAIL, { id: 'L1' }), mod.redirectTo(DETAIL, { id: 'L1' })])
    await mod.redirectTo(DETAIL, { id: 'L1' })
    expect(taro.redirectTo).toHaveBeenCalledTimes(1)
  })

  it('a failed navigation blocks nothing: the user can tap again at once', async () => {
    const { mod, taro } = load()
    taro.getCurrentInstance.mockReturnValue({ router: { path: '/pages/inbox/index', params: {} } })
    taro.navigateTo.mockRejectedValueOnce({ errMsg: 'navigateTo:fail timeout' })
    await expect(mod.navigateTo(DETAIL, { id: 'L1' })).rejects.toEqual({ errMsg: 'navigateTo:fail timeout' })
    await mod.navigateTo(DETAIL, { id: 'L1' })
    expect(taro.navigateTo).toHaveBeenCalledTimes(2)
  })

  it('a navigation that never settles stops blocking after 3 s, and its late end does not block the next', async () => {
    const { mod, taro } = load()
    const stuck = deferred()
    taro.navigateTo.mockReturnValueOnce(stuck.promise)
    const first = mod.navigateTo(DETAIL, { id: 'L1' })
    jest.advanceTimersByTime(2999)
    await mod.navigateTo('/packages/licences/pages/form/index')
    expect(taro.navigateTo).toHaveBeenCalledTimes(1)

    jest.advanceTimersByTime(1)
    const second = deferred()
    taro.navigateTo.mockReturnValueOnce(second.promise)
    const next = mod.navigateTo('/packages/licences/pages/form/index')
    stuck.resolve()
    await first
    // The stuck one ending must not release the lock the second navigation holds.
    await mod.navigateTo('/packages/licences/pages/settings/index')
    second.resolve()
    await next
    expect(taro.navigateTo.mock.calls.map((c) => c[0].url)).toEqual([
      `${DETAIL}?id=L1`,
      '/packages/licences/pages/form/index',
    ])
  })
})
