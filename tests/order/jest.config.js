/**
 * The repository's jest config with order-checking environments (./order-env.js): run as
 * `JEST_TEST_ORDER=reverse npx jest -c tests/order/jest.config.js [--selectProjects server]` to run
 * every describe block last-to-first. `--randomize --seed N` works with either config.
 */
const path = require('path')
const base = require('../../jest.config')

const rootDir = path.resolve(__dirname, '../..')
const environments = { node: '<rootDir>/tests/order/node-env.js', jsdom: '<rootDir>/tests/order/jsdom-env.js' }

module.exports = {
  ...base,
  rootDir,
  reporters: ['default'],
  projects: base.projects.map((project) => ({
    ...project,
    rootDir,
    testEnvironment: environments[project.testEnvironment],
  })),
}
