import { platform } from './env'

/** Roles a person operates: each must take keyboard focus and answer Enter (and Space, but links). */
const CONTROL_ROLES = ['button', 'link', 'switch', 'checkbox', 'radio', 'option', 'tab', 'menuitem']
const CONTROL = CONTROL_ROLES.map((role) => `[role="${role}"]`).join(', ')
// Elements the browser already focuses and activates from the keyboard.
const NATIVE = 'a[href], button, input, select, textarea, summary'

function makeFocusable(root: Element | Document): void {
  const found = root instanceof Element && root.matches(CONTROL) ? [root] : []
  for (const el of found.concat(Array.from(root.querySelectorAll(CONTROL)))) {
    if (el instanceof HTMLElement && !el.hasAttribute('tabindex') && !el.matches(NATIVE)) el.tabIndex = 0
  }
}

// Taro's own H5 chrome, outside every page: landmarks for screen readers' "jump to" lists.
function markLandmarks(): void {
  const tabBar = document.querySelector('.taro-tabbar__tabbar')
  if (tabBar && !tabBar.hasAttribute('role')) {
    tabBar.setAttribute('role', 'navigation')
    tabBar.setAttribute('aria-label', '主导航')
  }
  const navigationBar = document.getElementById('taro-navigation-bar')
  if (navigationBar && !navigationBar.hasAttribute('role')) navigationBar.setAttribute('role', 'banner')
}

function onKeyDown(event: KeyboardEvent): void {
  // A holder (an open dialog, see dialogFocus) or the control itself has already answered.
  if (event.defaultPrevented || event.repeat || event.altKey || event.ctrlKey || event.metaKey) return
  const target = event.target
  if (!(target instanceof HTMLElement) || !target.matches(CONTROL) || target.matches(NATIVE)) return
  const isLink = target.getAttribute('role') === 'link'
  if (event.key !== 'Enter' && !(event.key === ' ' && !isLink)) return
  // Space would also scroll the page.
  event.preventDefault()
  if (target.getAttribute('aria-disabled') === 'true' || target.hasAttribute('disabled')) return
  target.click()
}

/**
 * H5: every element that declares a control role (role=button, link, switch, checkbox, radio,
 * option, tab) joins the Tab order (tabindex 0) as it appears, and Enter — or Space, for all but
 * links — presses it. Taro's H5 View and Button are custom elements a browser neither focuses nor
 * activates, so without this 0 of the app's controls could be reached by keyboard. The role is the
 * contract: a screen that names a control gets its keyboard behaviour with it. Taro's tab bar and
 * navigation bar become the nav and banner landmarks. Mini-programs have no keyboard: no-op there.
 * Returns the undo (tests).
 */
export function installKeyboardAccess(): () => void {
  if (platform !== 'h5' || typeof document === 'undefined' || typeof MutationObserver === 'undefined') {
    return () => undefined
  }
  const refresh = (root: Element | Document) => {
    makeFocusable(root)
    markLandmarks()
  }
  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'attributes') refresh(mutation.target as Element)
      else mutation.addedNodes.forEach((node) => node instanceof Element && refresh(node))
    }
  })
  observer.observe(document.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['role'],
  })
  refresh(document)
  document.addEventListener('keydown', onKeyDown)
  return () => {
    observer.disconnect()
    document.removeEventListener('keydown', onKeyDown)
  }
}
