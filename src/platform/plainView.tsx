import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { ariaProps } from './aria'

/**
 * A View for long lists of plain content (惠企政策's catalogue cards and filter chips). On H5 it is
 * a plain `<div>`: Taro's H5 View is a React wrapper around a Stencil custom element
 * (taro-view-core) that attaches its props after mount and renders itself again in the next
 * animation frame, and on a throttled phone that cost ~3 ms per card of five Views — 20 cards
 * were the longest tasks after 惠企政策's first paint (Lighthouse TBT). The div takes the same
 * classes (taro-view-core is only `display: block`), role and name; src/platform/keyboard.ts
 * makes its role focusable and pressable as for any other control. Mini-programs get the View.
 */
export function PlainView(props: {
  className?: string
  role?: string
  label?: string
  pressed?: boolean
  onClick?: () => void
  children?: ReactNode
}) {
  const { className, role, label, pressed, onClick, children } = props
  if (process.env.TARO_ENV === 'h5') {
    return (
      <div
        className={className}
        role={role}
        aria-label={label}
        aria-pressed={pressed === undefined ? undefined : pressed}
        onClick={onClick}
      >
        {children}
      </div>
    )
  }
  return (
    <View className={className} {...ariaProps({ role, label, pressed })} onClick={onClick}>
      {children}
    </View>
  )
}
