import { render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { createFakeApi } from '../setup/fake-api'

/**
 * Screens ask the capability flags of src/platform (capabilities.ts, titleBar.ts), never the platform's name: with a flag off the control
 * is absent, with it on present — whatever platform the test runs as.
 */
const mockFlags = { canScanCode: false }
jest.mock('../../src/platform/capabilities', () => ({
  get canScanCode() {
    return mockFlags.canScanCode
  },
}))
const mockApi = createFakeApi()
jest.mock('../../src/platform/request', () => ({ taroTransport: (r: any) => mockApi.transport(r) }))
let mockParams: Record<string, string | undefined> = {}
jest.mock('../../src/platform/lifecycle', () => ({
  ...jest.requireActual('../../src/platform/lifecycle'),
  usePageParams: () => mockParams,
}))

import SignPage from '../../src/packages/seals/pages/sign/index'
import VerifyPage from '../../src/packages/seals/pages/verify/index'

const taro = Taro as unknown as Record<string, jest.Mock>

beforeEach(() => {
  mockParams = {}
  mockApi.calls.length = 0
})

describe.each([false, true])('canScanCode = %s', (on) => {
  beforeEach(() => {
    mockFlags.canScanCode = on
  })

  test('验章 offers 扫码验章 only with a scanner; choosing files always', () => {
    render(<VerifyPage />)
    expect(screen.queryByRole('button', { name: '扫码验章' }) !== null).toBe(on)
    expect(screen.getByRole('button', { name: '选择已签署的文件' })).toBeTruthy()
    expect(screen.getByRole('button', { name: '选择签章文件' })).toBeTruthy()
  })

  test('a 签章码 link that was not ours offers 扫一扫 only with a scanner', () => {
    mockParams = { e: 'not-ours' }
    render(<SignPage />)
    expect(screen.queryByRole('button', { name: '扫一扫' }) !== null).toBe(on)
  })
})

// drawsOwnTitleBar is read once, when PageShell loads (so the build can fold it): each case loads its own.
describe.each([false, true])('drawsOwnTitleBar = %s', (on) => {
  test('a sub-page has its own title bar with 返回 only where the platform draws none', () => {
    // The mocked lifecycle module (above) reads this file's Taro double.
    taro.useRouter.mockReturnValue({ path: '/packages/seals/pages/audit/index', params: {} })
    jest.isolateModules(() => {
      jest.doMock('../../src/platform/titleBar', () => ({ drawsOwnTitleBar: on }))
      const React = require('react') as typeof import('react')
      const rtl = require('@testing-library/react/pure') as typeof import('@testing-library/react')
      const { PageShell } = require('../../src/core/PageShell') as typeof import('../../src/core/PageShell')
      rtl.render(React.createElement(PageShell, null, '记录'))
      expect(rtl.screen.queryByRole('button', { name: '返回' }) !== null).toBe(on)
      rtl.cleanup()
    })
  })
})
