import { useEffect, useRef, type ReactNode } from 'react'
import { View } from '@tarojs/components'
import { ariaProps } from '../platform/aria'
import { holdDialogFocus } from '../platform/dialogFocus'
import { ActionButton } from './ActionButton'

/**
 * Asks before an action that is hard to take back. In the page, not the platform modal: that one
 * cannot hold a reason field, and colours its confirm button the same whatever it does — here a
 * destructive action's button is red. On H5 it holds the keyboard while open (focus moves in, Tab
 * stays inside, Enter/Space press, Escape answers 取消), as the privacy dialog does: Taro's H5 buttons are not
 * focusable on their own, so without it a keyboard user could not answer.
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
  /**
   * H5: Escape answers 取消 unless this says no (a dialog holding what the person typed keeps it:
   * Escape would throw it away).
   */
  escapeCancels?: boolean
}) {
  const dialog = useRef<unknown>(null)
  // Read when Escape is pressed: the hold is set up once, on open (setting it up again would move
  // focus out of the field being typed in).
  const latest = useRef(props)
  latest.current = props
  useEffect(
    () =>
      holdDialogFocus(dialog.current, () => {
        if (latest.current.escapeCancels !== false) latest.current.onCancel()
      }),
    [],
  )
  const a11y = ariaProps({ role: 'dialog', modal: true, label: props.title })
  return (
    <View className='overlay'>
      <View ref={dialog} className='card dialog' {...a11y}>
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
