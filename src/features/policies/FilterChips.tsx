import { PlainView } from '../../platform/plainView'

/**
 * One row of single-choice chips; the first option is usually 「全部」 (value undefined). Plain
 * elements on H5 (src/platform/plainView.tsx): 惠企政策's filters are four rows of them.
 */
export function FilterChips<T extends string>(props: {
  name: string
  options: { value: T | undefined; label: string }[]
  selected: T | undefined
  onSelect: (value: T | undefined) => void
  /** Show the group's name before the chips (when nothing else on screen says what they choose). */
  showName?: boolean
}) {
  return (
    <PlainView className='chips' label={props.name}>
      {props.showName ? <PlainView className='muted'>{props.name}</PlainView> : null}
      {props.options.map((option) => {
        const on = option.value === props.selected
        return (
          <PlainView
            key={option.value ?? 'all'}
            className={on ? 'chip chip--control chip--selected' : 'chip chip--control'}
            role='button'
            pressed={on}
            label={`${props.name}：${option.label}${on ? '（已选）' : ''}`}
            onClick={() => props.onSelect(option.value)}
          >
            {option.label}
          </PlainView>
        )
      })}
    </PlainView>
  )
}
