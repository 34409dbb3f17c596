/** Roles a person operates: each must take keyboard focus and answer Enter (and Space, but links). */
const CONTROL_ROLES = ['button', 'link', 'switch', 'checkbox', 'radio', 'option', 'tab', 'menuitem']
// Functions, not module-level constants: a call at module load would stay in the mini-programs'
// bundles after the code that uses it is dropped.
const control = () => CONTROL_ROLES.map((role) => `[role="${role}"]`).join(', ')
// The controls not yet in the Tab order: what each pass looks for.
const unfocusable = () => CONTROL_ROLES.map((role) => `[role="${role}"]:not([tabindex])`).join(', ')
// Elements the browser already focuses and activates from the keyboard.
const NATIVE = 'a[href], button, input, select, textarea, summary'

function makeFocusable(root: Document): void {
  const found = root.querySelectorAll(unfocusable())
  for (let i = 0; i < found.length; i++) {
    const el = found[i]
    if (el instanceof HTMLElement && !el.matches(NATIVE)) el.tabIndex = 0
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
  if (!(target instanceof HTMLElement) || !target.matches(control()) || target.matches(NATIVE)) return
  const isLink = target.getAttribute('role') === 'link'
  if (event.key !== 'Enter' && !(event.key === ' ' && !isLink)) return
  // Space would also scroll the page.
  event.preventDefault()
  if (target.getAttribute('aria-disabled') === 'true' || target.hasAttribute('disabled')) return
  target.click()
}

/** The H5 installation (see installKeyboardAccess); returns the undo. */
function installOnH5(): () => void {
  if (typeof document === 'undefined' || typeof MutationObserver === 'undefined') return () => undefined
  const refresh = () => {
    makeFocusable(document)
    markLandmarks()
  }
  // One pass over the document per batch of changes, not one per added node: Taro renders a page
  // as thousands of single insertions, and a subtree query for each of them cost the first render
  // hundreds of milliseconds of main thread (Lighthouse TBT) on a phone.
  const observer = new MutationObserver(refresh)
  observer.observe(document.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['role'],
  })
  refresh()
  document.addEventListener('keydown', onKeyDown)
  return () => {
    observer.disconnect()
    document.removeEventListener('keydown', onKeyDown)
  }
}

// Written out in full (a literal test in this module) so the build replaces it with a literal and
// the mini-programs' bundles drop everything above (1.2 KB of their main package).
/**
 * H5: every element that declares a control role (role=button, link, switch, checkbox, radio,
 * option, tab) joins the Tab order (tabindex 0) as it appears, and Enter — or Space, for all but
 * links — presses it. Taro's H5 View and Button are custom elements a browser neither focuses nor
 * activates, so without this 0 of the app's controls could be reached by keyboard. The role is the
 * contract: a screen that names a control gets its keyboard behaviour with it. Taro's tab bar and
 * navigation bar become the nav and banner landmarks. Mini-programs have no keyboard: no-op there.
 * Returns the undo (tests).
 */
export const installKeyboardAccess: () => () => void =
  process.env.TARO_ENV === 'h5' ? installOnH5 : () => () => undefined
