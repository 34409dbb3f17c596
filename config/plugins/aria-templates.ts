// A Taro plugin that lets ariaRole / ariaLabel (and the few ARIA states the app sets) reach the
// WeChat and Alipay templates. Taro's templates bind only the attributes in its component table,
// and that table has no aria-* at all: every ariaRole / ariaLabel was dropped on both
// mini-programs. Taro's answer is @tarojs/plugin-inject's `components` option; its newest release
// (4.1.11) lags Taro 4.2.1 and pins @tarojs/helper / @tarojs/shared 4.1.11, so this does the same
// two things for the attributes of ./aria-attributes.ts:
//   1. at build time (onSetupClose, after the platform plugin has merged its own components), add
//      them to the template's component table, and on Alipay write aria-role as `role`;
//   2. at run time, add the same attributes to the runtime's table (./aria-runtime.ts, imported by
//      the app entry after the platform runtime): the two sides number attributes alike or not
//      at all (see ./aria-attributes.ts).
// scripts/output-check.ts checks the built base.wxml / base.axml and that the runtime half shipped.
import path from 'node:path'
import type { IPluginContext, TaroPlatformBase } from '@tarojs/service'
import { ARIA_RENAMES, ariaAttributesFor } from './aria-attributes'
import type { AriaPlatform } from './aria-attributes'

export const ARIA_RUNTIME = path.join(__dirname, 'aria-runtime.ts')
/**
 * This file, for config/index.ts's `plugins`. Taro requires plugins after it has loaded the config,
 * when its TypeScript hook no longer covers config/ ("Unexpected identifier 'as'"): importing
 * this constant has the config load compile the plugin, and Taro's require finds it in the cache.
 */
export const ARIA_TEMPLATES_PLUGIN = __filename

type ReplacePropName = (name: string, value: string, componentName: string, componentAlias: unknown) => string

/** Adds the platform's ARIA attributes to a mini-program platform's template and runtime. */
export function applyAriaAttributes(ctx: IPluginContext, platform: TaroPlatformBase): boolean {
  const attributes = ariaAttributesFor(platform.platform)
  if (!attributes || !platform.template) return false
  const template = platform.template
  template.mergeComponents(ctx, attributes)

  const renames = ARIA_RENAMES[platform.platform as AriaPlatform]
  if (Object.keys(renames).length) {
    // replacePropName is how the platform templates rename attributes (bindtap → onTap on Alipay).
    const renaming = template as unknown as { replacePropName: ReplacePropName }
    const replacePropName = renaming.replacePropName.bind(template)
    renaming.replacePropName = (name, value, componentName, componentAlias) =>
      renames[name] ?? replacePropName(name, value, componentName, componentAlias)
  }

  const runtimePath = platform.runtimePath
  platform.runtimePath = (Array.isArray(runtimePath) ? runtimePath : [runtimePath]).concat(ARIA_RUNTIME)
  return true
}

export default (ctx: IPluginContext) => {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform: TaroPlatformBase) {
      applyAriaAttributes(ctx, platform)
    },
  })
  ctx.modifyWebpackChain(({ chain }) => {
    // Babel (Taro's script rule) compiles only src/ and Taro's packages: let it take the runtime
    // half too. And the project's package.json lists its side-effect files: without this rule
    // webpack would drop `import '…/aria-runtime.ts'`, which exports nothing.
    chain.module.rule('script').include.add(path.dirname(ARIA_RUNTIME))
    const rule = chain.module.rule('aria-runtime').test(ARIA_RUNTIME) as unknown as { sideEffects(on: boolean): void }
    rule.sideEffects(true)
  })
}
