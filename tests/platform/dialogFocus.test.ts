import type * as DialogFocusModule from '../../src/platform/dialogFocus'
import { loadForPlatform } from './loadForPlatform'

afterEach(() => {
  document.body.innerHTML = ''
})

function dialogWithButton(): { dialog: HTMLElement; button: HTMLElement } {
  const dialog = document.createElement('div')
  const button = document.createElement('taro-button-core')
  button.setAttribute('role', 'button')
  dialog.append(button)
  document.body.append(dialog)
  return { dialog, button }
}

test('H5: an open dialog takes focus and its controls join the Tab order', () => {
  const { mod } = loadForPlatform<typeof DialogFocusModule>('h5', '../../src/platform/dialogFocus')
  const { dialog, button } = dialogWithButton()
  const release = mod.holdDialogFocus(dialog)
  expect(document.activeElement).toBe(dialog)
  expect(button.tabIndex).toBe(0)
  release()
})

test.each(['weapp', 'alipay'] as const)('%s: nothing to hold (no keyboard focus)', (platform) => {
  const { mod } = loadForPlatform<typeof DialogFocusModule>(platform, '../../src/platform/dialogFocus')
  const { dialog, button } = dialogWithButton()
  const release = mod.holdDialogFocus(dialog)
  expect(document.activeElement).not.toBe(dialog)
  expect(button.hasAttribute('tabindex')).toBe(false)
  release()
})
