import { Input, Picker, View } from '@tarojs/components'

/**
 * A date typed as YYYY-MM-DD (accessible, quick for a date printed on a certificate) or chosen
 * from the platform's date picker; both set the same value. The placeholder repeats the label: on
 * H5 Taro puts aria-label on its wrapper element, so the inner <input> is named by its placeholder.
 */
export function DateField(props: { label: string; value: string; error?: string; onChange: (value: string) => void }) {
  return (
    <View className='field'>
      <View className='field__label'>{props.label}</View>
      <View className='row'>
        <Input
          className='input field__input'
          value={props.value}
          placeholder={`${props.label}，如 2026-01-31`}
          maxlength={10}
          ariaLabel={props.label}
          onInput={(e) => props.onChange(e.detail.value.trim())}
        />
        <Picker
          mode='date'
          value={props.value || '2026-01-01'}
          onChange={(e) => props.onChange(String(e.detail.value))}
        >
          <View className='link' ariaRole='button' ariaLabel={`从日历选择${props.label}`}>
            选择
          </View>
        </Picker>
      </View>
      {props.error ? <View className='error-text'>{props.error}</View> : null}
    </View>
  )
}
