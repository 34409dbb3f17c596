import { View } from '@tarojs/components'

/**
 * An inline error message under a form or list, announced by screen readers (role alert). Renders nothing when
 * there is no message, so callers pass the error as it is instead of wrapping it in a condition.
 */
export function ErrorText(props: { message: string | null | undefined; className?: string }) {
  if (!props.message) return null
  return (
    <View className={props.className ? `error-text ${props.className}` : 'error-text'} ariaRole='alert'>
      {props.message}
    </View>
  )
}
