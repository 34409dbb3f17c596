import { act, render } from '@testing-library/react'
import { loadForPlatform } from '../platform/loadForPlatform'
import { PageShell } from '../../src/core/PageShell'
import { usePreferences } from '../../src/core/preferences'

type ElderRoot = typeof import('../../src/platform/elderRoot')

const rootMarked = () => document.documentElement.classList.contains('elder-root')

beforeEach(() => {
  document.documentElement.className = ''
  usePreferences.setState({ consentVersion: '2026-11-01', elderMode: false })
})

test('on H5, 长辈版 marks <html> so the tab bar outside the page follows it, on and off', () => {
  render(<PageShell>页面</PageShell>)
  expect(rootMarked()).toBe(false)
  act(() => usePreferences.getState().setElderMode(true))
  expect(rootMarked()).toBe(true)
  act(() => usePreferences.getState().setElderMode(false))
  expect(rootMarked()).toBe(false)
})

test('a page opened with 长辈版 already on marks <html> at once', () => {
  usePreferences.setState({ elderMode: true })
  render(<PageShell>页面</PageShell>)
  expect(rootMarked()).toBe(true)
})

test.each(['weapp', 'alipay'] as const)('on %s (native tab bar) nothing is marked', (platform) => {
  const { mod } = loadForPlatform<ElderRoot>(platform, '../../src/platform/elderRoot')
  mod.applyElderRoot(true)
  expect(rootMarked()).toBe(false)
})
