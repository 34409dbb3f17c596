/**
 * The H5 page's root font size, which every rem from Taro's pxtransform hangs on: rootValue × width
 * / designWidth, kept between min and max px (Taro's defaults for a 750 design: 40 × width / 750,
 * 20–40 px). It runs inline in index.html's <head> (htmlPluginOption.script in ./index.ts).
 *
 * Why not Taro's own script: it takes the smaller of the <html> element's width and *height*, and
 * runs again on every resize and 500 ms later. A phone browser fires `resize` while the page is
 * still loading (the mobile viewport settles before the body has content): <html> is then 8 px
 * tall, so the root font falls to the 20 px floor and half a second later jumps back to
 * 40 × 412 / 750 ≈ 22 px. Every rem on screen grows by 10 % at once: a layout shift of ~0.36 on
 * 惠企政策 in Lighthouse (budget 0.1), and text that visibly jumps for the user. This one reads
 * the width alone — what Taro's script gives anyway once the page is taller than it is wide — so
 * the size is right from the first paint, and a resize changes it only when the width changes
 * (a rotation). Plain ES5: it runs before any polyfill.
 */
export interface RemOptions {
  designWidth: number
  rootValue: number
  min: number
  max: number
}

/** Taro's defaults for designWidth 750 and deviceRatio 750 → 1 (config/index.ts). */
export const REM_DEFAULTS: RemOptions = { designWidth: 750, rootValue: 40, min: 20, max: 40 }

export function remScript(options: RemOptions = REM_DEFAULTS): string {
  const { designWidth, rootValue, min, max } = options
  return (
    '!function(n){var e=n.document.documentElement;function f(){' +
    'var w=e.getBoundingClientRect().width||e.clientWidth||n.innerWidth,' +
    `x=${rootValue}*w/${designWidth};` +
    `e.style.fontSize=x>=${max}?"${max}px":x<=${min}?"${min}px":x+"px"}` +
    'n.addEventListener("resize",function(){f();setTimeout(f,500)});f()}(window);'
  )
}
