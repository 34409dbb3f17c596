/**
 * Test environments for checking that tests stand alone (docs/decisions/0009). With
 * `JEST_TEST_ORDER=reverse` every describe block runs its tests and blocks last-to-first (jest-circus
 * hands the environment its state at `run_start`, before anything runs), so a test that counts on an
 * earlier one having run, or on a later one not having run yet, fails. Without the variable they
 * behave exactly like jest's own node and jsdom environments. Used by tests/order/jest.config.js.
 */
const NodeEnvironment = require('jest-environment-node').TestEnvironment
const JsdomEnvironment = require('jest-environment-jsdom').TestEnvironment

const reverseBlock = (block) => {
  block.children.reverse()
  for (const child of block.children) if (child.type === 'describeBlock') reverseBlock(child)
}

const ordered = (Base) =>
  class extends Base {
    async handleTestEvent(event, state) {
      if (super.handleTestEvent) await super.handleTestEvent(event, state)
      if (event.name === 'run_start' && process.env.JEST_TEST_ORDER === 'reverse') reverseBlock(state.rootDescribeBlock)
    }
  }

module.exports = {
  OrderedNodeEnvironment: ordered(NodeEnvironment),
  OrderedJsdomEnvironment: ordered(JsdomEnvironment),
}
