import type { UserConfigExport } from '@tarojs/cli'

// A plain exported function (not defineConfig from '@tarojs/cli', which loads the native binding
// in every process that reads this file). See ../shared/docs/toolchain.md.
const platform = process.env.TARO_ENV ?? 'h5'

// The API base per build: H5 is served by our own server, so it calls the same origin.
// Mini-programs need an absolute https URL registered as a 合法域名 in production.
const apiBase = process.env.API_BASE_URL ?? (platform === 'h5' ? '' : 'http://127.0.0.1:10086')

export default function config(): UserConfigExport<'webpack5'> {
  return {
    projectName: 'zhengqitong',
    date: '2026-11-22',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${platform}`,
    plugins: [],
    defineConstants: {
      'process.env.TARO_APP_API_BASE': JSON.stringify(apiBase),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: process.env.TARO_CACHE === '1' },
    mini: {
      optimizeMainPackage: { enable: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      devServer: { host: '127.0.0.1', port: 10087, proxy: { '/api': 'http://127.0.0.1:10086' } },
    },
  }
}
