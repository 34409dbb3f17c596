import { Input, View } from '@tarojs/components'

/**
 * A labelled one-line text field with its error under it. The placeholder names the label too (see
 * DateField: on H5 the inner <input> is named by its placeholder).
 */
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
        placeholder={props.placeholder ?? `请输入${props.label}`}
        maxlength={props.maxlength ?? 64}
        ariaLabel={props.label}
        onInput={(e) => props.onChange(e.detail.value)}
      />
      {props.error ? <View className='error-text'>{props.error}</View> : null}
    </View>
  )
}
