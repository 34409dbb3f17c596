// A DOM stand-in for @tarojs/components in jsdom tests: each component maps to the closest
// HTML element, keeping the props a user can perceive (text, aria-*, role, disabled, value).
import React, { forwardRef } from 'react'

type AnyProps = Record<string, any>

const DROP = new Set([
  'hoverClass',
  'openType',
  'formType',
  'scrollY',
  'scrollX',
  'enhanced',
  'showScrollbar',
  'refresherEnabled',
  'refresherTriggered',
  'onRefresherRefresh',
  'confirmType',
  'placeholderClass',
  'onScrollToLower',
  'lowerThreshold',
  'onAgreePrivacyAuthorization',
  'adjustPosition',
  'maxlength',
  'userSelect',
  'selectable',
  'mode',
  'lazyLoad',
  'canvasId',
  'nativeProps',
  'disableScroll',
])

function domProps(props: AnyProps): AnyProps {
  const out: AnyProps = {}
  for (const [key, value] of Object.entries(props)) {
    if (DROP.has(key)) continue
    if (key === 'onTap') out.onClick = value
    else if (key === 'ariaLabel') out['aria-label'] = value
    else if (key === 'ariaRole') out.role = value
    else if (key.startsWith('aria') && key.length > 4 && key[4] === key[4].toUpperCase())
      out[`aria-${key.slice(4).toLowerCase()}`] = value
    else out[key] = value
  }
  return out
}

function make(tag: string, displayName: string) {
  const Component = forwardRef<any, AnyProps>((props, ref) => React.createElement(tag, { ...domProps(props), ref }))
  Component.displayName = displayName
  return Component
}

export const View = make('div', 'View')
export const Text = make('span', 'Text')
export const ScrollView = make('div', 'ScrollView')
export const Image = make('img', 'Image')
export const Label = make('label', 'Label')
export const Form = make('form', 'Form')
export const Navigator = make('a', 'Navigator')
export const Canvas = make('canvas', 'Canvas')

export const Button = forwardRef<any, AnyProps>((props, ref) => {
  const { openType, onAgreePrivacyAuthorization: _agree, onClick, onTap, ...rest } = props
  const handler = onClick ?? onTap
  return React.createElement('button', {
    ...domProps(rest),
    ref,
    type: 'button',
    'data-open-type': openType,
    // H5 (the target the tests run as) never fires onAgreePrivacyAuthorization.
    onClick: handler,
  })
})
Button.displayName = 'Button'

export const Input = forwardRef<any, AnyProps>((props, ref) => {
  const { onInput, onConfirm, password, type, ...rest } = props
  return React.createElement('input', {
    ...domProps(rest),
    ref,
    type: password ? 'password' : type === 'number' || type === 'digit' ? 'text' : (type ?? 'text'),
    onChange: (event: any) => onInput?.({ detail: { value: event.target.value } }),
    onKeyDown: (event: any) => {
      if (event.key === 'Enter') onConfirm?.({ detail: { value: event.target.value } })
    },
  })
})
Input.displayName = 'Input'

export const Textarea = forwardRef<any, AnyProps>((props, ref) => {
  const { onInput, ...rest } = props
  return React.createElement('textarea', {
    ...domProps(rest),
    ref,
    onChange: (event: any) => onInput?.({ detail: { value: event.target.value } }),
  })
})
Textarea.displayName = 'Textarea'

export const Switch = forwardRef<any, AnyProps>((props, ref) => {
  const { checked, onChange, ...rest } = props
  return React.createElement('input', {
    ...domProps(rest),
    ref,
    type: 'checkbox',
    role: 'switch',
    checked: !!checked,
    onChange: (event: any) => onChange?.({ detail: { value: event.target.checked } }),
  })
})
Switch.displayName = 'Switch'

/** The platform picker pops a native wheel; in tests only its trigger (children) is rendered. */
export const Picker = forwardRef<any, AnyProps>((props, ref) =>
  React.createElement('div', { ref, 'data-picker-mode': props.mode }, props.children),
)
Picker.displayName = 'Picker'
