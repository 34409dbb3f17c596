// Test double for @tarojs/taro: an in-memory sync storage (returning '' for a missing key, as
// WeChat and Alipay do) and jest.fn()s for everything else. Only src/platform imports Taro.
// Shared through globalThis so a fresh module registry (an "app restart" in a test) sees the
// same device storage, as a real relaunch would.
const holder = globalThis as unknown as { __taroStorage?: Map<string, unknown> }
const store = (holder.__taroStorage ??= new Map<string, unknown>())

const Taro = {
  getEnv: jest.fn(() => 'WEB'),
  ENV_TYPE: { WEAPP: 'WEAPP', ALIPAY: 'ALIPAY', WEB: 'WEB' },
  getStorageSync: jest.fn((key: string) => (store.has(key) ? store.get(key) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => {
    store.set(key, value)
  }),
  removeStorageSync: jest.fn((key: string) => {
    store.delete(key)
  }),
  clearStorageSync: jest.fn(() => store.clear()),
  request: jest.fn(),
  login: jest.fn(),
  showToast: jest.fn(),
  showModal: jest.fn(async () => ({ confirm: true, cancel: false })),
  showLoading: jest.fn(),
  hideLoading: jest.fn(),
  navigateTo: jest.fn(),
  redirectTo: jest.fn(),
  switchTab: jest.fn(),
  navigateBack: jest.fn(),
  reLaunch: jest.fn(),
  scanCode: jest.fn(),
  requestSubscribeMessage: jest.fn(),
  stopPullDownRefresh: jest.fn(),
  setNavigationBarTitle: jest.fn(),
  getCurrentInstance: jest.fn(() => ({ router: { params: {} } })),
  getCurrentPages: jest.fn((): unknown[] => []),
  useDidShow: jest.fn(),
  useDidHide: jest.fn(),
  usePullDownRefresh: jest.fn(),
  useRouter: jest.fn(() => ({ params: {} })),
  useLoad: jest.fn(),
}

export const __storage = store
export default Taro
module.exports = Object.assign(Taro, { default: Taro, __storage: store })
