/**
 * Capability flag (see capabilities.ts): the page draws its own title bar with 返回 — H5 only.
 * WeChat and Alipay draw a native navigation bar from the page's navigationBarTitleText, with the
 * back button; a browser tab has none. Read once, when src/core/PageShell.tsx loads.
 *
 * Size note (measured): the mini-programs' main package still carries the H5 header (~0.7 KB).
 * webpack drops a branch only on a literal test in the same module (the old inline TARO_ENV check),
 * and Taro's mini-program terser runs with reduce_vars off, so an imported flag is not folded.
 */
export const drawsOwnTitleBar: boolean = process.env.TARO_ENV === 'h5'
