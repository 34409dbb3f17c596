import { Input, View } from '@tarojs/components'

/** A labelled one-line text field with its error under it. */
export function TextField(props: {
  label: string
  value: string
  placeholder?: string
  error?: string
  maxlength?: number
  onChange: (value: string) => void
}) {
  return (
    <View className='field'>
      <View className='field__label'>{props.label}</View>
      <Input
        className='input'
        value={props.value}
        placeholder={props.placeholder}
        maxlength={props.maxlength ?? 64}
        ariaLabel={props.label}
        onInput={(e) => props.onChange(e.detail.value)}
      />
      {props.error ? <View className='error-text'>{props.error}</View> : null}
    </View>
  )
}
