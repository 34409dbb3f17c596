import { View } from '@tarojs/components'
import { ariaProps } from '../platform/aria'

/**
 * A whole-row toggle: one large tap target with role=switch, its state and its name. Drawn here
 * rather than with Taro's Switch, whose H5 element drops `role` and whose inner checkbox has no
 * label, so screen readers could not name it.
 */
export function LabelledSwitch(props: {
  label: string
  hint?: string
  checked: boolean
  onChange: (on: boolean) => void
}) {
  return (
    <View
      {...ariaProps({ role: 'switch', checked: props.checked, label: props.label })}
      className='row toggle'
      onClick={() => props.onChange(!props.checked)}
    >
      <View className='row__text'>
        <View>{props.label}</View>
        {props.hint ? <View className='muted'>{props.hint}</View> : null}
      </View>
      <View className={props.checked ? 'toggle__track toggle__track--on' : 'toggle__track'}>
        <View className='toggle__knob' />
      </View>
    </View>
  )
}
