/** Browser flows: system Chromium (playwright-core) against the real server and the H5 build. */
module.exports = {
  rootDir: '../..',
  displayName: 'e2e',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.ts'],
  transform: { '^.+\\.[jt]sx?$': 'babel-jest' },
  globalSetup: '<rootDir>/tests/e2e/global-setup.js',
  reporters: ['default', '<rootDir>/tests/summary-reporter.js'],
  // Hooks share this: the server may take up to its 90 s start deadline on a loaded machine.
  // Each browser step still fails on its own after Playwright's 30 s.
  testTimeout: 120000,
}
