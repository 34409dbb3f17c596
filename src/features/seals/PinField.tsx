import { Input, View } from '@tarojs/components'

/** One 6-digit PIN input: digits only, hidden, named by its label (and placeholder, for H5). */
export function PinField(props: { label: string; value: string; onChange: (pin: string) => void }) {
  return (
    <View className='field'>
      <View className='field__label'>{props.label}</View>
      <Input
        className='input'
        type='number'
        password
        maxlength={6}
        value={props.value}
        placeholder={props.label}
        ariaLabel={props.label}
        onInput={(e) => props.onChange(e.detail.value.replace(/\D/g, '').slice(0, 6))}
      />
    </View>
  )
}
