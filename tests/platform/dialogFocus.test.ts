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

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0))

test('H5: focus lost to the page while the dialog is open comes back to it (Taro re-renders the overlay after the dialog took focus)', async () => {
  const { mod } = loadForPlatform<typeof DialogFocusModule>('h5', '../../src/platform/dialogFocus')
  const { dialog } = dialogWithButton()
  const release = mod.holdDialogFocus(dialog)
  expect(document.activeElement).toBe(dialog)
  // What the overlay's first render does in the built app: the dialog is blurred, focus falls to the body.
  dialog.blur()
  expect(document.activeElement).toBe(document.body)
  await nextTask()
  expect(document.activeElement).toBe(dialog)
  release()
})

test('H5: once released, the dialog no longer takes focus back', async () => {
  const { mod } = loadForPlatform<typeof DialogFocusModule>('h5', '../../src/platform/dialogFocus')
  const { dialog } = dialogWithButton()
  const release = mod.holdDialogFocus(dialog)
  release()
  dialog.focus()
  dialog.blur()
  await nextTask()
  expect(document.activeElement).toBe(document.body)
})

test('H5: focus moved to a control inside the dialog stays there', async () => {
  const { mod } = loadForPlatform<typeof DialogFocusModule>('h5', '../../src/platform/dialogFocus')
  const { dialog, button } = dialogWithButton()
  const release = mod.holdDialogFocus(dialog)
  button.focus()
  await nextTask()
  expect(document.activeElement).toBe(button)
  release()
})
