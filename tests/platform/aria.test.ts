import type * as AriaModule from '../../src/platform/aria'
import { loadForPlatform } from './loadForPlatform'

const load = (p: 'weapp' | 'alipay' | 'h5') => loadForPlatform<typeof AriaModule>(p, '../../src/platform/aria').mod

// A spread ariaRole reaches Taro's H5 element as the attribute aria-role (axe: aria-valid-attr,
// critical); H5 must get `role`, the mini-programs ariaRole.
test('the role goes under the prop name each platform reads; states as aria strings', () => {
  expect(load('h5').ariaProps({ role: 'dialog', modal: true, label: '确认' })).toEqual({
    role: 'dialog',
    ariaModal: 'true',
    ariaLabel: '确认',
  })
  expect(load('weapp').ariaProps({ role: 'switch', checked: false })).toEqual({
    ariaRole: 'switch',
    ariaChecked: 'false',
  })
  expect(load('alipay').ariaProps({ role: 'button', pressed: true })).toEqual({
    ariaRole: 'button',
    ariaPressed: 'true',
  })
  expect(load('h5').ariaProps({ selected: true })).toEqual({ ariaSelected: 'true' })
})
