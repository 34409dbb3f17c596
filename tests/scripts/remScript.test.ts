import { runInNewContext } from 'node:vm'
import config from '../../config/index'

/**
 * The inline <head> script of the H5 build that sets the root font size every rem hangs on, run
 * against a stand-in window: a phone 412 px wide whose browser fires `resize` while <html> is
 * still 8 px tall (what Chromium's mobile emulation, and Lighthouse with it, does during load).
 */
function loadOnPhone(script: string) {
  const rect = { width: 412, height: 8 }
  const listeners: Array<() => void> = []
  const timers: Array<() => void> = []
  const html = { style: { fontSize: '' }, clientWidth: 412, getBoundingClientRect: () => ({ ...rect }) }
  const window = {
    document: { documentElement: html },
    innerWidth: 412,
    innerHeight: 823,
    addEventListener: (type: string, listener: () => void) => type === 'resize' && listeners.push(listener),
  }
  runInNewContext(script, { window, setTimeout: (fn: () => void) => timers.push(fn) })
  return {
    html,
    rect,
    resize: () => listeners.forEach((listener) => listener()),
    runTimers: () => timers.splice(0).forEach((fn) => fn()),
  }
}

const script = () => {
  const h5 = (config() as { h5?: { htmlPluginOption?: { script?: string } } }).h5
  const value = h5?.htmlPluginOption?.script
  if (typeof value !== 'string') throw new Error('the H5 build keeps Taro’s own root-font script')
  return value
}

describe('the H5 root font size (rem base)', () => {
  test('is 40 × width / 750 from the first paint, and a resize while the page is still short leaves it', () => {
    const phone = loadOnPhone(script())
    expect(phone.html.style.fontSize).toBe(`${(40 * 412) / 750}px`)
    phone.resize()
    // Taro's script put 20px here (the smaller of width and an 8 px tall <html>), then the page
    // grew 10 % half a second later: a layout shift of the whole screen.
    expect(phone.html.style.fontSize).toBe(`${(40 * 412) / 750}px`)
    phone.rect.height = 2400
    phone.runTimers()
    expect(phone.html.style.fontSize).toBe(`${(40 * 412) / 750}px`)
  })

  test('follows a width change (rotation) and keeps Taro’s 20–40 px bounds', () => {
    const phone = loadOnPhone(script())
    phone.rect.width = 300
    phone.resize()
    expect(phone.html.style.fontSize).toBe('20px')
    phone.rect.width = 844
    phone.resize()
    expect(phone.html.style.fontSize).toBe('40px')
    phone.rect.width = 600
    phone.resize()
    phone.runTimers()
    expect(phone.html.style.fontSize).toBe('32px')
  })
})
