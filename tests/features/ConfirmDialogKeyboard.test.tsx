import { fireEvent, render, screen } from '@testing-library/react'
import { ConfirmDialog } from '../../src/ui/ConfirmDialog'

// Keyboard only, on H5: the dialog that guards 删除证照, 已提交续期 and 拒绝签署 must be answerable.
test('H5 keyboard: focus moves into ConfirmDialog, Tab cycles its two buttons, Enter confirms', () => {
  const onConfirm = jest.fn()
  const onCancel = jest.fn()
  render(
    <>
      <button type='button'>页面上的按钮</button>
      <ConfirmDialog
        title='确认删除该证照？'
        confirmLabel='删除'
        destructive
        onConfirm={onConfirm}
        onCancel={onCancel}
      />
    </>,
  )
  const dialog = screen.getByRole('dialog', { name: '确认删除该证照？' })
  expect(dialog.getAttribute('aria-modal')).toBe('true')
  expect(document.activeElement).toBe(dialog)

  const order: (string | null)[] = []
  for (let i = 0; i < 3; i += 1) {
    fireEvent.keyDown(document.activeElement!, { key: 'Tab' })
    order.push(document.activeElement!.textContent)
  }
  expect(order).toEqual(['删除', '取消', '删除'])
  fireEvent.keyDown(document.activeElement!, { key: 'Enter' })
  expect(onConfirm).toHaveBeenCalledTimes(1)
  expect(onCancel).not.toHaveBeenCalled()
})

test('H5 keyboard: Escape answers 取消 (never the destructive button)', () => {
  const onConfirm = jest.fn()
  const onCancel = jest.fn()
  render(
    <ConfirmDialog
      title='确认删除该证照？'
      confirmLabel='删除'
      destructive
      onConfirm={onConfirm}
      onCancel={onCancel}
    />,
  )
  fireEvent.keyDown(document.activeElement!, { key: 'Escape' })
  expect(onCancel).toHaveBeenCalledTimes(1)
  expect(onConfirm).not.toHaveBeenCalled()
})

test('H5 keyboard: a dialog that holds what was typed keeps it on Escape', () => {
  const onCancel = jest.fn()
  render(
    <ConfirmDialog
      title='拒绝签署'
      confirmLabel='确认拒绝'
      escapeCancels={false}
      onConfirm={jest.fn()}
      onCancel={onCancel}
    />,
  )
  fireEvent.keyDown(document.activeElement!, { key: 'Escape' })
  expect(onCancel).not.toHaveBeenCalled()
  expect(screen.getByRole('dialog', { name: '拒绝签署' })).toBeTruthy()
})

// Chinese is typed through an input method: while a word is being composed the field's value is
// still '' (Taro reports it once composed), and Escape there dismisses the candidate list. That
// Escape belongs to the input method, not to the dialog (注销签名: the reason field, still "empty").
test('H5 keyboard: Escape while an input method is composing does not answer 取消', () => {
  const onCancel = jest.fn()
  render(
    <ConfirmDialog
      title='注销个人电子签名'
      confirmLabel='确认注销'
      destructive
      onConfirm={jest.fn()}
      onCancel={onCancel}
    >
      <input placeholder='注销原因' />
    </ConfirmDialog>,
  )
  const field = screen.getByPlaceholderText('注销原因')
  field.focus()
  fireEvent.keyDown(field, { key: 'Escape', isComposing: true })
  fireEvent.keyDown(field, { key: 'Process', keyCode: 229 })
  expect(onCancel).not.toHaveBeenCalled()
  expect(screen.getByRole('dialog', { name: '注销个人电子签名' })).toBeTruthy()
  // Once the word is composed, Escape on the still-empty dialog answers 取消 as before.
  fireEvent.keyDown(field, { key: 'Escape' })
  expect(onCancel).toHaveBeenCalledTimes(1)
})
