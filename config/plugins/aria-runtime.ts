// Run-time half of ./aria-templates.ts, imported by the app entry after the platform's own runtime
// (Taro's runtimePath): adds the same ARIA attributes to Taro's component table, so that the
// attribute numbers the runtime sends (ariaLabel → p0 …) are the ones base.wxml / base.axml read.
import { mergeInternalComponents } from '@tarojs/shared'
import { ariaAttributesFor } from './aria-attributes'

const attributes = ariaAttributesFor(process.env.TARO_ENV ?? '')
if (attributes) mergeInternalComponents(attributes)
