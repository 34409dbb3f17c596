// One config for Taro builds and jest: babel-preset-taro targets Node/CommonJS when NODE_ENV=test.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
}
