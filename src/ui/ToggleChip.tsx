import { View } from '@tarojs/components'
import { ariaProps } from '../platform/aria'

/**
 * A chip that is on or off (one of several choices that may all be on): role checkbox with its
 * state, so a screen reader says 已选中 rather than reading a colour. Tap target --tap-min high.
 */
export function ToggleChip(props: { label: string; text: string; checked: boolean; onChange: (on: boolean) => void }) {
  return (
    <View
      className={props.checked ? 'chip chip--control chip--selected' : 'chip chip--control'}
      {...ariaProps({ role: 'checkbox', checked: props.checked, label: props.label })}
      onClick={() => props.onChange(!props.checked)}
    >
      {props.text}
    </View>
  )
}
