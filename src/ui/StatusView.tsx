import { Text, View } from '@tarojs/components'
import { ActionButton } from './ActionButton'

/** The loading, empty and error states every list and detail screen needs, in one place. */
export type StatusViewProps =
  | { kind: 'loading'; text?: string }
  | { kind: 'empty'; text: string; hint?: string }
  | {
      kind: 'error'
      text: string
      onRetry?: () => void
      /**
       * A permission refusal (isPermissionRefusal in src/api/errors.ts): shown as a plain explanation,
       * never with 重试 — asking again changes nothing.
       */
      refused?: boolean
    }

export function StatusView(props: StatusViewProps) {
  if (props.kind === 'loading') {
    return (
      <View className='status-view' ariaRole='status'>
        <Text>{props.text ?? '正在加载…'}</Text>
      </View>
    )
  }
  if (props.kind === 'empty') {
    return (
      <View className='status-view'>
        <Text>{props.text}</Text>
        {props.hint ? <View className='muted'>{props.hint}</View> : null}
      </View>
    )
  }
  if (props.refused) {
    return (
      <View className='status-view status-view--refused' ariaRole='status'>
        <Text>{props.text}</Text>
      </View>
    )
  }
  return (
    <View className='status-view' ariaRole='alert'>
      <Text className='error-text'>{props.text}</Text>
      {props.onRetry ? <ActionButton variant='secondary' label='重试' onClick={props.onRetry} /> : null}
    </View>
  )
}
