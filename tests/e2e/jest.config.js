/** Browser flows: system Chromium (playwright-core) against the real server and the H5 build. */
module.exports = {
  rootDir: '../..',
  displayName: 'e2e',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.ts'],
  transform: { '^.+\\.[jt]sx?$': 'babel-jest' },
  globalSetup: '<rootDir>/tests/e2e/global-setup.js',
  reporters: ['default', '<rootDir>/tests/summary-reporter.js'],
  testTimeout: 60000,
}
