/**
 * Capability flag (see capabilities.ts): the page draws its own title bar with 返回 — H5 only.
 * WeChat and Alipay draw a native navigation bar from the page's navigationBarTitleText, with the
 * back button; a browser tab has none. In a file of its own, imported by src/core/PageShell.tsx
 * alone: webpack then concatenates it into PageShell's module, the minifier folds the literal, and
 * the mini-programs' main package carries no H5 header (a flag shared with other chunks is read
 * through a module getter and would not fold).
 */
export const drawsOwnTitleBar: boolean = process.env.TARO_ENV === 'h5'
