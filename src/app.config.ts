import { appPagesConfig } from './domain/appManifest'

// Generated from src/domain/manifest.ts + appManifest.ts (pages, subpackages, tab bar): add pages there.
// Main package = launch page + tab pages + login; every capability is a subpackage so the
// main package stays far below WeChat's 2 MB limit (mini.optimizeMainPackage is on).
const { pages, subPackages, tabList } = appPagesConfig()

export default defineAppConfig({
  pages,
  subPackages,
  // H5 only: no slide between pages. With it, Taro's H5 router (4.2) shades the page it covers
  // 350 ms after navigateTo even if the user has come back to it by then, so a quick back left a
  // blank screen under the tab bar; and a closed page stayed in the DOM for the slide. (Not in
  // the mini-programs' app.json, where the key means nothing.)
  ...(process.env.TARO_ENV === 'h5' ? { animation: false } : {}),
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#1f5fbf',
    navigationBarTitleText: '政企通',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f3f5f9',
  },
  tabBar: {
    color: '#4a5568',
    selectedColor: '#1f5fbf',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: tabList,
  },
})
