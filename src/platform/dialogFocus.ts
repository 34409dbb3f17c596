const CONTROLS = '[role="button"], [role="link"], button, a[href], input, textarea'
const PRESSABLE = '[role="button"], [role="link"], button, a[href]'

/**
 * H5: a modal dialog owns the keyboard while it is open. Focus moves onto the dialog (so a screen
 * reader announces its name and text) and comes back to it when lost to the page, Tab and Shift+Tab cycle through its controls only, and
 * Enter or Space presses the focused one — Taro's H5 <Button> is a custom element that a browser
 * neither focuses nor activates from the keyboard. Escape calls `onEscape` when one is given (a
 * confirmation's 取消), never while an input method is composing; without one it does nothing and
 * the dialog waits for an answer (the privacy consent). The returned undo gives focus back to where it was.
 */
function holdOnH5(dialog: unknown, onEscape?: () => void): () => void {
  if (typeof HTMLElement === 'undefined' || !(dialog instanceof HTMLElement)) return () => undefined
  const before = document.activeElement instanceof HTMLElement ? document.activeElement : null
  const controls = () => Array.from(dialog.querySelectorAll<HTMLElement>(CONTROLS))
  for (const control of controls()) if (!control.hasAttribute('tabindex')) control.tabIndex = 0
  if (!dialog.hasAttribute('tabindex')) dialog.tabIndex = -1
  dialog.focus()

  const onKey = (event: KeyboardEvent) => {
    // While an input method composes (Chinese typed as pinyin), every key is its own: Escape drops
    // the candidates and must not answer 取消 — the field still reads '' until the word is composed.
    // keyCode 229: the keydown browsers send for a key the input method took.
    if (event.isComposing || event.keyCode === 229) return
    const list = controls()
    const active = document.activeElement as HTMLElement | null
    if (event.key === 'Escape' && onEscape) {
      event.preventDefault()
      onEscape()
    } else if (event.key === 'Tab') {
      if (list.length === 0) return event.preventDefault()
      const at = active ? list.indexOf(active) : -1
      const next = event.shiftKey
        ? at <= 0
          ? list.length - 1
          : at - 1
        : at === -1 || at === list.length - 1
          ? 0
          : at + 1
      event.preventDefault()
      list[next].focus()
    } else if (
      (event.key === 'Enter' || event.key === ' ') &&
      active &&
      list.includes(active) &&
      active.matches(PRESSABLE)
    ) {
      event.preventDefault()
      active.click()
    }
  }
  // On the document, so Tab also comes back to the dialog when focus was somewhere behind it.
  document.addEventListener('keydown', onKey, true)
  // Focus lost to nowhere (the page body) while open comes back to the dialog. Taro's H5 elements
  // render after React mounts them (Stencil's renderVdom), and that render blurred the dialog
  // ~5 ms after it took focus above: focus sat on the body, a screen reader never heard the dialog.
  let held = true
  const onFocusOut = () => {
    // Looked at once the event is over: focus moving to another element has arrived by then.
    setTimeout(() => {
      const active = document.activeElement
      if (held && dialog.isConnected && (!active || active === document.body)) dialog.focus()
    }, 0)
  }
  dialog.addEventListener('focusout', onFocusOut)
  return () => {
    held = false
    dialog.removeEventListener('focusout', onFocusOut)
    document.removeEventListener('keydown', onKey, true)
    if (before && before.isConnected) before.focus()
  }
}

/**
 * Keeps keyboard focus inside an open modal dialog (its element from a ref); returns the release.
 * Mini-programs have no keyboard focus to manage; their screen readers follow the page. Written out
 * in full (a literal test in this module) so their bundles drop the H5 code above.
 */
export const holdDialogFocus: (dialog: unknown, onEscape?: () => void) => () => void =
  process.env.TARO_ENV === 'h5' ? holdOnH5 : () => () => undefined
