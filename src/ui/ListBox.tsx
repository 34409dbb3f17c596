import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { ariaProps } from '../platform/aria'

/**
 * A list to choose one entry from (search results, suggestions): role listbox with a name, each
 * entry role option with its state. An option outside a listbox is an error to screen readers
 * (axe aria-required-parent, critical). The roles come through ariaProps so the H5 element gets
 * `role` and the mini-programs `aria-role`; on H5 src/platform/keyboard.ts puts every option in
 * the Tab order, Enter and Space choose it, and the focus ring is app.scss's [tabindex] rule.
 */
export function ListBox(props: { label: string; children: ReactNode }) {
  return <View {...ariaProps({ role: 'listbox', label: props.label })}>{props.children}</View>
}

export function ListOption(props: {
  /** What a screen reader says, e.g. 选择食品生产许可证. */
  label: string
  selected: boolean
  onSelect: () => void
  children: ReactNode
}) {
  return (
    <View
      className={props.selected ? 'option option--selected' : 'option'}
      {...ariaProps({ role: 'option', label: props.label, selected: props.selected })}
      onClick={props.onSelect}
    >
      {props.children}
    </View>
  )
}
