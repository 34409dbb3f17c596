import { platform, type Platform } from './env'

// Taro's H5 build renames ARIA props only where they are written as literal JSX attributes
// (ariaRole='x' becomes role='x'). A prop spread from an object reaches the H5 element dasherized:
// ariaRole becomes aria-role, which is no ARIA attribute (axe: aria-valid-attr, critical) and
// names no role. Mini-programs read ariaRole. So a role passed in a spread takes its name from here.
const ROLE_PROP: Record<Platform, 'ariaRole' | 'role'> = { weapp: 'ariaRole', alipay: 'ariaRole', h5: 'role' }

/**
 * ARIA for a spread onto a Taro component: the role under the name this platform reads, and the
 * states as aria-* props (ariaChecked → aria-checked on H5). Taro's ViewProps types only ariaRole
 * and ariaLabel, hence the plain object.
 */
export function ariaProps(aria: {
  role?: string
  label?: string
  checked?: boolean
  pressed?: boolean
  selected?: boolean
  disabled?: boolean
  modal?: boolean
  describedBy?: string
}): Record<string, string> {
  const props: Record<string, string> = {}
  if (aria.role) props[ROLE_PROP[platform]] = aria.role
  if (aria.label !== undefined) props.ariaLabel = aria.label
  if (aria.checked !== undefined) props.ariaChecked = String(aria.checked)
  if (aria.pressed !== undefined) props.ariaPressed = String(aria.pressed)
  if (aria.selected !== undefined) props.ariaSelected = String(aria.selected)
  if (aria.disabled) props.ariaDisabled = 'true'
  if (aria.modal) props.ariaModal = 'true'
  if (aria.describedBy) props.ariaDescribedby = aria.describedBy
  return props
}
