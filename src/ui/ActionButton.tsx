import type { ReactNode } from 'react'
import { Button } from '@tarojs/components'
import type { ButtonProps } from '@tarojs/components'
import { ariaProps } from '../platform/aria'

/**
 * A button with an accessible name the type system insists on. Taro's H5 button is a custom
 * element with no implicit role, so the role is set explicitly (under the prop name each platform
 * reads: src/platform/aria.ts).
 */
export function ActionButton(
  props: Omit<ButtonProps, 'ariaLabel' | 'children'> & {
    label: string
    /** danger: an outlined red entry to a destructive action; destructive: the red button that does it */
    variant?: 'primary' | 'secondary' | 'danger' | 'destructive'
    children?: ReactNode
  },
) {
  const { label, variant = 'primary', className, children, disabled, ...rest } = props
  const classes = ['btn', variant === 'primary' ? '' : `btn--${variant}`, className ?? ''].filter(Boolean).join(' ')
  const a11y = ariaProps({ role: 'button', label })
  // Taro's H5 button writes disabled={false} as the attribute disabled="false", which its own
  // [disabled] style matches: the label turned white on secondary and danger buttons.
  return (
    <Button {...rest} {...a11y} disabled={disabled || undefined} className={classes}>
      {children ?? label}
    </Button>
  )
}
