import HtmlWebpackPlugin from 'html-webpack-plugin'
import type { Compiler } from 'webpack'

/**
 * H5: the page a link opens starts downloading with the app, not after it. Taro's router imports
 * each page's chunks only once app.js has run, so on a phone's network the page waited for app.js
 * to arrive and run, then for one more round trip (Lighthouse: 惠企政策's four page chunks
 * requested ~450 ms after app.js). This plugin writes, into index.html's <head>, each page's
 * chunk files and a few lines that read the hash route and `<link rel="preload">` them, in
 * parallel with app.js; webpack's loader then takes them from the preload cache.
 */

/** route ("pages/licences/index") → its chunk files, as the page's dynamic import loads them */
export type RouteChunks = Record<string, string[]>

/**
 * The inline script: which page the address opens (the hash route, or the first page for "/"),
 * and a preload link per chunk file of it. Plain ES5, no lookbehind: it runs before any polyfill.
 */
export function routePreloadScript(routes: RouteChunks, homeRoute: string): string {
  return (
    '!function(m,h){var d=document,r=(location.hash||"").replace(/^#\\/?/,"").split("?")[0]||h,' +
    'f=m[r]||[],i=0,l;for(;i<f.length;i++){l=d.createElement("link");l.rel="preload";l.as="script";' +
    `l.href=f[i];d.head.appendChild(l)}}(${JSON.stringify(routes)},${JSON.stringify(homeRoute)});`
  )
}

/** A page's import request ("./pages/licences/index", or a path under src/) → its route, if a page. */
export function routeOf(request: string): string | undefined {
  const clean = request
    .replace(/\\/g, '/')
    .replace(/\.(tsx?|jsx?)$/, '')
    .replace(/^.*\/src\//, '')
    .replace(/^\.\//, '')
  return /^(pages|packages)\/[\w/-]+\/index$/.test(clean) ? clean : undefined
}

export class RoutePreloadPlugin {
  /** homeRoute: the first page of src/app.config.ts, what "/" opens; publicPath as in the H5 config. */
  constructor(
    private readonly homeRoute: string,
    private readonly publicPath: string,
  ) {}

  apply(compiler: Compiler): void {
    compiler.hooks.compilation.tap('RoutePreloadPlugin', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('RoutePreloadPlugin', (data) => {
        const routes: RouteChunks = {}
        for (const group of compilation.chunkGroups) {
          if (group.isInitial()) continue
          for (const origin of group.origins) {
            const route = origin.request ? routeOf(origin.request) : undefined
            if (!route) continue
            const files = group.chunks
              .filter((chunk) => !chunk.canBeInitial())
              .flatMap((chunk) => [...chunk.files])
              .filter((file) => file.endsWith('.js'))
              .map((file) => this.publicPath + file)
            routes[route] = [...new Set([...(routes[route] ?? []), ...files])]
          }
        }
        if (Object.keys(routes).length === 0) return data
        data.headTags.unshift(
          HtmlWebpackPlugin.createHtmlTagObject('script', {}, routePreloadScript(routes, this.homeRoute)),
        )
        return data
      })
    })
  }
}
