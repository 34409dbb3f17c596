// Main package = launch page + tab pages + login; every capability is a subpackage so the
// main package stays far below WeChat's 2 MB limit (mini.optimizeMainPackage is on).
export default defineAppConfig({
  pages: ['pages/workbench/index', 'pages/licences/index', 'pages/inbox/index', 'pages/me/index', 'pages/login/index'],
  subPackages: [
    {
      root: 'packages/account',
      pages: ['pages/privacy/index', 'pages/enterprise/index', 'pages/members/index', 'pages/not-found/index'],
    },
    {
      root: 'packages/licences',
      pages: ['pages/detail/index', 'pages/form/index', 'pages/settings/index', 'pages/export/index'],
    },
    {
      root: 'packages/seals',
      pages: [
        'pages/face/index',
        'pages/seals/index',
        'pages/sign/index',
        'pages/verify/index',
        'pages/signature/index',
        'pages/audit/index',
        'pages/invite/index',
        'pages/reports/index',
      ],
    },
    {
      root: 'packages/policies',
      pages: ['pages/list/index', 'pages/detail/index', 'pages/calculator/index'],
    },
    {
      root: 'packages/complaints',
      pages: ['pages/new/index', 'pages/list/index', 'pages/detail/index', 'pages/query/index'],
    },
    {
      root: 'packages/compliance',
      pages: ['pages/calendar/index', 'pages/detail/index', 'pages/settings/index'],
    },
  ],
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
    list: [
      {
        pagePath: 'pages/workbench/index',
        text: '工作台',
        iconPath: 'assets/tabbar/workbench.png',
        selectedIconPath: 'assets/tabbar/workbench-active.png',
      },
      {
        pagePath: 'pages/licences/index',
        text: '证照',
        iconPath: 'assets/tabbar/licences.png',
        selectedIconPath: 'assets/tabbar/licences-active.png',
      },
      {
        pagePath: 'pages/inbox/index',
        text: '消息',
        iconPath: 'assets/tabbar/inbox.png',
        selectedIconPath: 'assets/tabbar/inbox-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tabbar/me.png',
        selectedIconPath: 'assets/tabbar/me-active.png',
      },
    ],
  },
})
