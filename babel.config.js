// One config for Taro builds and jest: babel-preset-taro targets Node/CommonJS when NODE_ENV=test.
const taroPreset = require('babel-preset-taro')
const presetEnv = require('@babel/preset-env')

// babel-preset-taro does not pass preset-env's `bugfixes` on. Without it (Babel 7's default),
// iOS 12's engine bugs in corner cases of default parameters, destructuring and tagged templates
// make preset-env lower ALL default parameters (into `arguments` reads), ALL destructuring (with
// @babel/runtime's slicedToArray & co.) and ALL template literals. With it, only the constructs
// those bugs touch are rewritten, the rest ships as the ES2015 syntax iOS 12 runs (Babel 8's default).
function taroWithBugfixes(api, options) {
  const preset = taroPreset(api, options)
  const env = preset.overrides
    .flatMap((override) => override.presets || [])
    .find((entry) => Array.isArray(entry) && entry[0] === presetEnv)
  if (!env) throw new Error('babel-preset-taro no longer lists @babel/preset-env: revisit babel.config.js')
  env[1] = { ...env[1], bugfixes: true }
  return preset
}

module.exports = {
  presets: [[taroWithBugfixes, { framework: 'react', ts: true, compiler: 'webpack5' }]],
}
