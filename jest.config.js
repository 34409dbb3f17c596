/** Every jest suite: `npm test`. The server project runs on in-memory PGlite, or on PostgreSQL when DATABASE_URL is set. */
const shared = {
  transform: { '^.+\\.[jt]sx?$': 'babel-jest', '^.+\\.mjs$': 'babel-jest' },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'mjs', 'json'],
  // typebox (src/contract's schemas) ships ES modules only: jest runs them through babel.
  transformIgnorePatterns: ['/node_modules/(?!typebox/)'],
}

module.exports = {
  reporters: ['default', '<rootDir>/tests/summary-reporter.js'],
  projects: [
    {
      ...shared,
      displayName: 'domain',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/domain/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/setup/pinned-date.ts'],
    },
    { ...shared, displayName: 'api', testEnvironment: 'node', testMatch: ['<rootDir>/tests/api/**/*.test.ts'] },
    { ...shared, displayName: 'scripts', testEnvironment: 'node', testMatch: ['<rootDir>/tests/scripts/**/*.test.ts'] },
    {
      ...shared,
      displayName: 'app',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/{core,features,platform,pages}/**/*.test.ts?(x)'],
      setupFiles: ['<rootDir>/tests/setup/app-globals.js'],
      setupFilesAfterEnv: ['<rootDir>/tests/setup/app-each.ts'],
      moduleNameMapper: {
        '^@tarojs/components$': '<rootDir>/tests/setup/taro-components.tsx',
        '^@tarojs/taro$': '<rootDir>/tests/setup/taro-api.ts',
        '\\.(css|scss)$': '<rootDir>/tests/setup/style-stub.js',
      },
    },
    {
      ...shared,
      displayName: 'server',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/server/**/*.test.ts'],
    },
  ],
}
