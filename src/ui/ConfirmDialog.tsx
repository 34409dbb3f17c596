import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { ActionButton } from './ActionButton'

/**
 * Asks before an action that is hard to take back. In the page, not the platform modal: that one
 * cannot hold a reason field, and colours its confirm button the same whatever it does — here a
 * destructive action's button is red.
 */
export function ConfirmDialog(props: {
  title: string
  /** what happens, and anything the action needs (a reason) */
  children?: ReactNode
  confirmLabel: string
  cancelLabel?: string
  destructive?: boolean
  /** disables confirm (a required field is empty, or the action is running) */
  confirmDisabled?: boolean
  onConfirm: () => void
  onCancel: () => void
}) {
  return (
    <View className='dialog-mask'>
      <View className='card dialog' ariaRole='dialog' ariaLabel={props.title}>
        <View className='title'>{props.title}</View>
        {props.children}
        <View className='dialog__actions'>
          <ActionButton
            variant={props.destructive ? 'destructive' : 'primary'}
            label={props.confirmLabel}
            disabled={props.confirmDisabled}
            onClick={props.onConfirm}
          />
          <ActionButton variant='secondary' label={props.cancelLabel ?? '取消'} onClick={props.onCancel} />
        </View>
      </View>
    </View>
  )
}
