import {
  burstThreshold,
  DEFAULT_USUAL_HOURS,
  isBurst,
  isWithinUsualHours,
  percentile,
} from '../../../src/domain/seals/sealUsage'

/** An instant given as China wall-clock time. */
const cst = (local: string) => Date.parse(`${local}+08:00`)

describe('usual hours: working days 08:00–20:00 China time (the Chinese calendar)', () => {
  it.each([
    ['2026-03-09T10:00', true, 'a Monday morning'],
    ['2026-03-09T08:00', true, 'the first minute'],
    ['2026-03-09T07:59', false, 'a minute before'],
    ['2026-03-09T19:59', true, 'the last minute'],
    ['2026-03-09T20:00', false, '20:00 is past the end'],
    ['2026-03-07T10:00', false, 'a Saturday'],
    ['2026-02-14T10:00', true, 'Saturday 2026-02-14, a make-up working day'],
    ['2026-02-17T10:00', false, 'Spring Festival holiday, a Tuesday'],
    ['2026-10-01T10:00', false, 'National Day'],
  ])('%s → %s (%s)', (local, within) => {
    expect(isWithinUsualHours(DEFAULT_USUAL_HOURS, cst(local))).toBe(within)
  })

  it('reads China time whatever the instant: 2026-03-09 01:30 UTC is 09:30 in China', () => {
    expect(isWithinUsualHours(DEFAULT_USUAL_HOURS, Date.parse('2026-03-09T01:30:00Z'))).toBe(true)
    // 2026-03-09 13:00 UTC is 21:00 in China.
    expect(isWithinUsualHours(DEFAULT_USUAL_HOURS, Date.parse('2026-03-09T13:00:00Z'))).toBe(false)
  })
})

describe('burst: more uses in the last hour than max(5, 3 × p95 of the 720 hourly counts before)', () => {
  it('nearest-rank percentile', () => {
    expect(percentile([], 95)).toBe(0)
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20], 95)).toBe(19)
  })

  it('a quiet seal (36 busy hours of 2 uses in 30 days, 5 % of hours): p95 is 0, so the floor of 5 holds', () => {
    const busy = new Array(36).fill(2)
    expect(burstThreshold(busy)).toBe(5)
    // One busy hour more (5.1 %) and the p95 is 2: still the floor (3 × 2 = 6 > 5 is the threshold).
    expect(burstThreshold(new Array(37).fill(2))).toBe(6)
    expect(isBurst(5, busy)).toBe(false)
    expect(isBurst(6, busy)).toBe(true)
  })

  it('a busy seal (20 an hour, 12 hours a working day, 22 days = 264 busy hours): p95 is 20, threshold 60', () => {
    const busy = new Array(264).fill(20)
    // 456 quiet hours then 264 of 20: the 684th of 720 (95 %) is 20. The mean is 7.3: 3 × mean = 22
    // would alert in every ordinary busy hour.
    expect(burstThreshold(busy)).toBe(60)
    expect(isBurst(60, busy)).toBe(false)
    expect(isBurst(61, busy)).toBe(true)
  })

  it('a seal busy in few hours: 30 hours of 10 (4 % of hours) leave p95 at 0 and the floor at 5', () => {
    expect(burstThreshold(new Array(30).fill(10))).toBe(5)
    // 37 hours of 10 are 5.1 % of 720: the p95 reaches them.
    expect(burstThreshold(new Array(37).fill(10))).toBe(30)
  })

  it('no history at all: 5', () => {
    expect(burstThreshold([])).toBe(5)
    expect(isBurst(6, [])).toBe(true)
  })
})
