import { View } from '@tarojs/components'
import { ariaProps } from '../../platform/aria'

/** One row of single-choice chips; the first option is usually 「全部」 (value undefined). */
export function FilterChips<T extends string>(props: {
  name: string
  options: { value: T | undefined; label: string }[]
  selected: T | undefined
  onSelect: (value: T | undefined) => void
  /** Show the group's name before the chips (when nothing else on screen says what they choose). */
  showName?: boolean
}) {
  return (
    <View className='chips' ariaLabel={props.name}>
      {props.showName ? <View className='muted'>{props.name}</View> : null}
      {props.options.map((option) => {
        const on = option.value === props.selected
        return (
          <View
            key={option.value ?? 'all'}
            className={on ? 'chip chip--control chip--selected' : 'chip chip--control'}
            ariaRole='button'
            {...ariaProps({ pressed: on })}
            ariaLabel={`${props.name}：${option.label}${on ? '（已选）' : ''}`}
            onClick={() => props.onSelect(option.value)}
          >
            {option.label}
          </View>
        )
      })}
    </View>
  )
}
