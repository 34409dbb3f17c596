import { fromEntries, installPolyfills } from '../../src/core/polyfills'
import { replaceAll } from '../../src/platform/replaceAll'

describe('polyfills for iOS 12.0 JavaScriptCore', () => {
  test.each([
    [[], {}],
    [[['a', 1]], { a: 1 }],
    [
      [
        ['a', 1],
        ['a', 2],
      ],
      { a: 2 },
    ],
  ] as const)('fromEntries(%j) equals the native one', (entries, expected) => {
    expect(fromEntries(entries)).toEqual(expected)
    expect(fromEntries(entries)).toEqual(Object.fromEntries(entries))
  })

  test('fromEntries takes any iterable, as Map entries', () => {
    expect(fromEntries(new Map([['x', 'y']]))).toEqual({ x: 'y' })
  })

  test.each([
    ['a+b+c', '+', '-', 'a-b-c'],
    ['a.b', '.', '$&$&', 'a..b'],
    ['%20x%20', '%20', ' ', ' x '],
    ['none', 'z', 'y', 'none'],
  ])('replaceAll(%j, %j, %j) → %j, like the native one', (text, pattern, replacement, expected) => {
    expect(replaceAll.call(text, pattern, replacement)).toBe(expected)
    expect(replaceAll.call(text, pattern, replacement)).toBe(text.replaceAll(pattern, replacement))
  })

  test('replaceAll with a non-global RegExp throws, as the native one does', () => {
    expect(() => replaceAll.call('aa', /a/, 'b')).toThrow(TypeError)
    expect(replaceAll.call('aa', /a/g, 'b')).toBe('bb')
  })

  test('installs only where the engine lacks them', () => {
    const nativeFromEntries = Object.fromEntries
    const descriptor = Object.getOwnPropertyDescriptor(String.prototype, 'replaceAll')
    try {
      delete (Object as { fromEntries?: unknown }).fromEntries
      delete (String.prototype as { replaceAll?: unknown }).replaceAll
      installPolyfills()
      expect(Object.fromEntries([['k', 1]])).toEqual({ k: 1 })
      expect('a-a'.replaceAll('-', '+')).toBe('a+a')
      expect(Object.fromEntries).toBe(fromEntries)
    } finally {
      Object.fromEntries = nativeFromEntries
      if (descriptor) Object.defineProperty(String.prototype, 'replaceAll', descriptor)
    }
    installPolyfills()
    expect(Object.fromEntries).toBe(nativeFromEntries)
  })

  test('the mini-programs get fromEntries but not replaceAll (only the H5 router calls it)', () => {
    const nativeFromEntries = Object.fromEntries
    const descriptor = Object.getOwnPropertyDescriptor(String.prototype, 'replaceAll')
    const taroEnv = process.env.TARO_ENV
    try {
      process.env.TARO_ENV = 'weapp'
      delete (Object as { fromEntries?: unknown }).fromEntries
      delete (String.prototype as { replaceAll?: unknown }).replaceAll
      installPolyfills()
      expect(Object.fromEntries).toBe(fromEntries)
      expect('replaceAll' in String.prototype).toBe(false)
    } finally {
      process.env.TARO_ENV = taroEnv
      Object.fromEntries = nativeFromEntries
      if (descriptor) Object.defineProperty(String.prototype, 'replaceAll', descriptor)
    }
  })
})
