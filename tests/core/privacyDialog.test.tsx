import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { PageShell } from '../../src/core/PageShell'
import { usePreferences } from '../../src/core/preferences'
import { usePrivacyPrompt } from '../../src/core/privacyPrompt'

beforeEach(() => {
  jest.mocked(Taro.navigateTo).mockReset()
})

/** A long page with a control of its own, as a privacy prompt would interrupt it. */
function LongPage() {
  return (
    <PageShell>
      <button type='button'>页面上的按钮</button>
      {Array.from({ length: 50 }, (_, i) => (
        <p key={i}>第 {i + 1} 段</p>
      ))}
    </PageShell>
  )
}

/** Two privacy APIs called at once: WeChat asks twice before the user answers. */
function twoRequests() {
  const first = jest.fn()
  const second = jest.fn()
  act(() => {
    usePrivacyPrompt.getState().ask(first)
    usePrivacyPrompt.getState().ask(second)
  })
  return [first, second]
}

const dialog = () => screen.getByRole('dialog', { name: '隐私保护提示' })

test('concurrent requests share one modal dialog, and agreeing answers every one of them', () => {
  render(<LongPage />)
  const [first, second] = twoRequests()
  expect(screen.getAllByRole('dialog')).toHaveLength(1)
  expect(dialog().getAttribute('aria-modal')).toBe('true')
  expect(dialog().parentElement?.className).toBe('overlay')
  expect(dialog().getAttribute('aria-describedby')).toBe('zqt-consent-text')

  fireEvent.click(screen.getByRole('button', { name: '同意隐私政策并继续' }))
  expect(first).toHaveBeenCalledWith(true)
  expect(second).toHaveBeenCalledWith(true)
  expect(usePreferences.getState().consentVersion).toBe('2026-11-01')
  expect(screen.queryByRole('dialog')).toBeNull()
})

test('declining answers every waiting request with false and records nothing', () => {
  render(<LongPage />)
  const [first, second] = twoRequests()
  fireEvent.click(screen.getByRole('button', { name: '不同意隐私政策' }))
  expect([first.mock.calls, second.mock.calls]).toEqual([[[false]], [[false]]])
  expect(usePreferences.getState().consentVersion).toBeNull()
  expect(screen.queryByRole('dialog')).toBeNull()
  expect(usePrivacyPrompt.getState().pending).toEqual([])
})

test('a request arriving while the dialog is open is answered with the others', () => {
  render(<LongPage />)
  const [first] = twoRequests()
  const late = jest.fn()
  act(() => usePrivacyPrompt.getState().ask(late))
  fireEvent.click(screen.getByRole('button', { name: '同意隐私政策并继续' }))
  expect(first).toHaveBeenCalledWith(true)
  expect(late).toHaveBeenCalledWith(true)
})

test('H5 keyboard: focus moves into the dialog, Tab stays inside it, Enter presses, focus returns', () => {
  render(<LongPage />)
  const pageButton = screen.getByRole('button', { name: '页面上的按钮' })
  pageButton.focus()
  const [first] = twoRequests()
  expect(document.activeElement).toBe(dialog())

  const order: (string | null)[] = []
  for (let i = 0; i < 4; i += 1) {
    fireEvent.keyDown(document.activeElement!, { key: 'Tab' })
    order.push(document.activeElement!.getAttribute('aria-label'))
  }
  expect(order).toEqual(['查看《隐私保护指引》', '同意隐私政策并继续', '不同意隐私政策', '查看《隐私保护指引》'])
  fireEvent.keyDown(document.activeElement!, { key: 'Tab', shiftKey: true })
  expect(document.activeElement!.getAttribute('aria-label')).toBe('不同意隐私政策')

  // Focus that strays behind the dialog comes back with the next Tab.
  pageButton.focus()
  fireEvent.keyDown(pageButton, { key: 'Tab' })
  expect(dialog().contains(document.activeElement)).toBe(true)

  // Escape does not dismiss: the request waits for an answer.
  fireEvent.keyDown(document.activeElement!, { key: 'Escape' })
  expect(dialog()).toBeTruthy()

  screen.getByRole('button', { name: '不同意隐私政策' }).focus()
  fireEvent.keyDown(document.activeElement!, { key: 'Enter' })
  expect(first).toHaveBeenCalledWith(false)
  expect(screen.queryByRole('dialog')).toBeNull()
  expect(document.activeElement).toBe(pageButton)
})

test('查看《隐私保护指引》 opens our policy page where WeChat has no privacy contract page (H5)', async () => {
  render(<LongPage />)
  twoRequests()
  await act(async () => fireEvent.click(screen.getByRole('link', { name: '查看《隐私保护指引》' })))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/pages/privacy/index' })
})

test('长辈版 applies to the dialog: it is inside the page root that carries the 长辈版 class', () => {
  usePreferences.setState({ elderMode: true })
  render(<LongPage />)
  twoRequests()
  expect(dialog().closest('.page--elder')).not.toBeNull()
})
