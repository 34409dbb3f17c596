import { SIGN_TASK_STATUS_LABELS, isFinalSignTaskStatus, signTaskStatusAt } from '../../../src/domain/signing/signTask'

describe('sign task status', () => {
  const expiresAt = Date.parse('2025-03-01T08:05:00Z')
  const before = expiresAt - 1
  test.each([
    ['pending', before, 'pending'],
    ['pending', expiresAt, 'expired'],
    ['scanned', before, 'scanned'],
    ['scanned', expiresAt + 60_000, 'expired'],
    ['awaiting_second', before, 'awaiting_second'],
    ['awaiting_second', expiresAt, 'expired'],
    ['signed', expiresAt + 60_000, 'signed'],
    ['rejected', expiresAt + 60_000, 'rejected'],
    ['expired', before, 'expired'],
  ] as const)('%s at %d is %s', (stored, now, expected) => {
    expect(signTaskStatusAt(stored, expiresAt, now)).toBe(expected)
  })

  it('labels statuses as the product does', () => {
    expect(SIGN_TASK_STATUS_LABELS).toEqual({
      pending: '待扫码',
      scanned: '已扫码',
      awaiting_second: '待第二人确认',
      signed: '已签署',
      rejected: '已拒绝',
      expired: '已过期',
    })
    expect(['pending', 'scanned', 'awaiting_second'].some((s) => isFinalSignTaskStatus(s as 'pending'))).toBe(false)
    expect(['signed', 'rejected', 'expired'].every((s) => isFinalSignTaskStatus(s as 'signed'))).toBe(true)
  })
})
