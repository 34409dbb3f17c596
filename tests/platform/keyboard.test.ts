import { installKeyboardAccess } from '../../src/platform/keyboard'
import type * as KeyboardModule from '../../src/platform/keyboard'
import { loadForPlatform } from './loadForPlatform'

// The app tests run as the H5 build (tests/setup/app-globals.js).
let uninstall: () => void = () => undefined
afterEach(() => {
  uninstall()
  document.body.innerHTML = ''
})

/** Lets the MutationObserver deliver (it runs as a microtask). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

function control(role: string, onClick: () => void, attributes: Record<string, string> = {}): HTMLElement {
  const el = document.createElement('taro-view-core')
  el.setAttribute('role', role)
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value)
  el.addEventListener('click', onClick)
  return el
}

test('H5: a control role present at start or added later joins the Tab order; other elements do not', async () => {
  const early = control('button', jest.fn())
  document.body.append(early)
  uninstall = installKeyboardAccess()
  expect(early.tabIndex).toBe(0)

  const later = control('switch', jest.fn())
  const text = document.createElement('taro-view-core')
  const region = document.createElement('taro-view-core')
  region.setAttribute('role', 'status')
  const wrapper = document.createElement('div')
  wrapper.append(later, text, region)
  document.body.append(wrapper)
  const renamed = document.createElement('taro-view-core')
  document.body.append(renamed)
  await settle()
  renamed.setAttribute('role', 'link')
  await settle()

  expect(later.getAttribute('tabindex')).toBe('0')
  expect(renamed.getAttribute('tabindex')).toBe('0')
  expect(text.hasAttribute('tabindex')).toBe(false)
  expect(region.hasAttribute('tabindex')).toBe(false)
})

test('H5: Enter presses any control, Space presses all but links; a disabled one is not pressed', async () => {
  uninstall = installKeyboardAccess()
  const chip = jest.fn()
  const link = jest.fn()
  const disabled = jest.fn()
  const chipEl = control('checkbox', chip)
  const linkEl = control('link', link)
  const disabledEl = control('button', disabled, { 'aria-disabled': 'true' })
  document.body.append(chipEl, linkEl, disabledEl)

  const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true })
  chipEl.dispatchEvent(enter)
  const space = new KeyboardEvent('keydown', { key: ' ', bubbles: true, cancelable: true })
  chipEl.dispatchEvent(space)
  expect(chip).toHaveBeenCalledTimes(2)
  // Space must not also scroll the page.
  expect(space.defaultPrevented).toBe(true)

  linkEl.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true, cancelable: true }))
  expect(link).not.toHaveBeenCalled()
  linkEl.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }))
  expect(link).toHaveBeenCalledTimes(1)

  disabledEl.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }))
  expect(disabled).not.toHaveBeenCalled()
})

test('H5: a key already answered (an open dialog holds the keyboard) is not pressed twice', () => {
  uninstall = installKeyboardAccess()
  const press = jest.fn()
  const el = control('button', press)
  document.body.append(el)
  const handled = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true })
  handled.preventDefault()
  el.dispatchEvent(handled)
  expect(press).not.toHaveBeenCalled()
})

test('H5: the tab bar is the navigation landmark', async () => {
  uninstall = installKeyboardAccess()
  const tabBar = document.createElement('taro-tabbar')
  tabBar.className = 'taro-tabbar__tabbar'
  document.body.append(tabBar)
  await settle()
  expect(tabBar.getAttribute('role')).toBe('navigation')
  expect(tabBar.getAttribute('aria-label')).toBe('主导航')
})

test('mini-programs: nothing to install', () => {
  const { mod } = loadForPlatform<typeof KeyboardModule>('weapp', '../../src/platform/keyboard')
  const el = control('button', jest.fn())
  document.body.append(el)
  uninstall = mod.installKeyboardAccess()
  expect(el.hasAttribute('tabindex')).toBe(false)
})
