/**
 * The framework's floor for the H5 budget: a Taro hello-world (one page, one View) built with the
 * same Taro version and the same H5 output settings as the app (hash router, hashed file names,
 * production build, precompressed), with a page shell that passes the shell's accessibility checks
 * (lang, zoomable viewport). Built once into .data/bench-floor and reused while its sources and
 * the installed Taro are unchanged.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { precompress } from '../scripts/precompress'

const ROOT = path.join(__dirname, '..')
const PROJECT = path.join(ROOT, '.data/bench-floor')

const FILES: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'taro-floor', private: true, browserslist: ['ios >= 12', 'chrome >= 64'] }),
  'babel.config.js': `module.exports = { presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]] }\n`,
  'config/index.js': `module.exports = function () {
  return {
    projectName: 'taro-floor',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: 'dist/h5',
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: { filename: 'css/[name].[contenthash:8].css', chunkFilename: 'css/[name].[contenthash:8].css' },
    },
  }
}
`,
  'src/app.config.js': `export default { pages: ['pages/index/index'], window: { navigationBarTitleText: 'Hello' } }\n`,
  'src/app.js': `export default function App({ children }) { return children }\n`,
  'src/pages/index/index.config.js': `export default { navigationBarTitleText: 'Hello' }\n`,
  'src/pages/index/index.jsx': `import { View, Text } from '@tarojs/components'
export default function Index() {
  return <View><Text>Hello world!</Text></View>
}
`,
  'src/index.html': `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width,initial-scale=1" />
    <meta name="description" content="Taro hello-world" />
    <title>Hello</title>
    <script><%= htmlWebpackPlugin.options.script %></script>
  </head>
  <body>
    <div id="app"></div>
  </body>
</html>
`,
}

function stampOf(): string {
  const hash = createHash('sha256')
  hash.update(JSON.stringify(FILES))
  hash.update(readFileSync(path.join(ROOT, 'node_modules/@tarojs/cli/package.json')))
  return hash.digest('hex')
}

/** The floor's dist directory, built if missing or stale (about a minute on a quiet machine). */
export async function buildFloor(): Promise<string> {
  const dist = path.join(PROJECT, 'dist/h5')
  const stampFile = path.join(PROJECT, 'stamp')
  const stamp = stampOf()
  if (existsSync(path.join(dist, 'index.html')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
    return dist
  }
  console.log('building the Taro hello-world floor into .data/bench-floor (once)…')
  rmSync(PROJECT, { recursive: true, force: true })
  for (const [file, text] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(PROJECT, file)), { recursive: true })
    writeFileSync(path.join(PROJECT, file), text)
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(PROJECT, 'node_modules'), 'dir')
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/@tarojs/cli/bin/taro'), 'build', '--type', 'h5'], {
    cwd: PROJECT,
    env: { ...process.env, NODE_ENV: 'production', TARO_ENV: 'h5' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  precompress(dist)
  writeFileSync(stampFile, stamp)
  return dist
}
