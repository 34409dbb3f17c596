// Which ARIA attributes reach the mini-program templates, per platform. Read twice, and both
// reads must agree: at build time ./aria-templates.ts adds them to the template of each component
// (base.wxml / base.axml), and at run time ./aria-runtime.ts adds the same ones to Taro's component
// table. Taro numbers a component's attributes in sorted order (p0, p1, …) on both sides, so an
// attribute known to one side only would shift every number after it and send, say, a View's
// hover-class value into another attribute.
//
// Values are Taro's template defaults: '' binds the prop as given (`aria-label="{{i.p0}}"`).
// Only what the app sets is listed: each attribute costs bytes in every nesting level of WeChat's
// templates (15 copies of View), within the main package's budget.

/** The components whose role and name must reach the templates (issue #11 item 4). */
export const ARIA_COMPONENTS = ['View', 'Button', 'Text', 'Image', 'Input', 'Textarea', 'Canvas', 'Switch'] as const

export type AriaPlatform = 'weapp' | 'alipay'
type ComponentAttributes = Record<string, Record<string, string>>

function table(common: string[], viewExtra: string[]): ComponentAttributes {
  // Shipped to the app as well (./aria-runtime.ts): ES2018, no Object.fromEntries.
  const result: ComponentAttributes = {}
  for (const component of ARIA_COMPONENTS) {
    const attrs: Record<string, string> = {}
    for (const name of component === 'View' ? common.concat(viewExtra) : common) attrs[name] = ''
    result[component] = attrs
  }
  return result
}

/**
 * WeChat (基础库 2.7.1+, developers.weixin.qq.com/miniprogram/dev/component/aria-component.html):
 * `aria-role` for the role and the aria-* states on any component. View also carries the states
 * the app's own widgets set: aria-checked (switch and radio rows), aria-modal and
 * aria-describedby (dialogs), aria-selected (the options of src/ui/ListBox.tsx).
 */
const WEAPP = table(['aria-role', 'aria-label'], ['aria-checked', 'aria-modal', 'aria-describedby', 'aria-selected'])

/**
 * Alipay (基础库 1.18.0+, opendocs.alipay.com/mini/component/aria-component): the role is a plain
 * `role` attribute, not WeChat's aria-role, and its documented attributes are role, aria-label,
 * aria-labelledby, aria-checked, aria-expanded and aria-level, on view, text, icon, button, label,
 * checkbox, radio, switch and image. The table keeps Taro's prop name (ariaRole → aria-role, so
 * the numbering matches the runtime) and the template writes it as `role` (ALIPAY_RENAMES).
 * input, textarea and canvas are not on Alipay's list: they carry role and label as well, which
 * Alipay ignores where it does not support them.
 */
const ALIPAY = table(['aria-role', 'aria-label'], ['aria-checked'])

/** Template attribute names that differ from the prop's dashed name, per platform. */
export const ARIA_RENAMES: Record<AriaPlatform, Record<string, string>> = {
  weapp: {},
  alipay: { 'aria-role': 'role' },
}

export function ariaAttributesFor(platform: string): ComponentAttributes | undefined {
  if (platform === 'weapp') return WEAPP
  if (platform === 'alipay') return ALIPAY
  return undefined
}
