import { checkSigningPin } from '../../../src/domain/signing/pin'

describe('signing PIN', () => {
  test.each(['135790', '802413', '112233', '123457', '000001'])('accepts %s', (pin) => {
    expect(checkSigningPin(pin)).toEqual({ ok: true })
  })

  test.each([
    ['12345', 'format'],
    ['1234567', 'format'],
    ['12a456', 'format'],
    ['１２３４５６', 'format'],
    ['000000', 'weak'],
    ['888888', 'weak'],
    ['123456', 'weak'],
    ['654321', 'weak'],
    ['345678', 'weak'],
  ])('refuses %s (%s)', (pin, problem) => {
    expect(checkSigningPin(pin)).toEqual({ ok: false, problem })
  })
})
