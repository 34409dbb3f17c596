import { planFeed } from '../../server/capabilities/compliance/calendar-feed/feed-content'
import {
  foldLines,
  renderIcs,
  renderIcsReference,
  type RenderedEvent,
} from '../../server/capabilities/compliance/calendar-feed/render-ics'
import { seedDemoData } from '../../server/seed/demo'
import { openTestDb, type TestDb } from './helpers'

const TODAY = '2026-03-10'

let testDb: TestDb

beforeAll(async () => {
  testDb = await openTestDb({ seed: false })
  await seedDemoData(testDb.db, TODAY)
}, 60_000)
afterAll(async () => {
  await testDb.close()
})

const event = (i: number, fields: Partial<RenderedEvent> = {}): RenderedEvent => ({
  key: `k-${i}`,
  uid: `k-${i}@zqt.example.gov.cn`,
  date: '2026-05-01',
  summary: `【纳税申报】增值税及附加税费申报（代账客户${i}有限公司）`,
  description: '《税收征收管理法》第二十五条；自 2026-04-01 起可办；截止 2026-05-15',
  alarmDaysBefore: [7, 0, 30],
  version: { sequence: i % 3, changedAt: new Date(Date.UTC(2026, 2, 1, 8, i % 60, 7)) },
  ...fields,
})

/** Pieces whose octet count differs (1, 2, 3, 4 octets; lone and unpaired surrogates, as TextEncoder replaces them). */
const PIECES = ['a', 'é', '中', '😀', '\ud800', '\udc00', '\ud83dX', '；', ',', ';', '\\', '\n', '"']

describe('renderIcs: ical-generator’s output, byte for byte, folded by our own foldLines', () => {
  it('every feed of the demo data: every user, all enterprises and each one', async () => {
    const { rows } = await testDb.db.query<{ user_id: string; enterprise_id: string }>(
      'select user_id, enterprise_id from user_enterprises order by user_id, enterprise_id',
    )
    const feeds = [
      ...[...new Set(rows.map((row) => row.user_id))].map((user_id) => ({ user_id, enterprise_id: null })),
      ...rows,
    ]
    let events = 0
    for (const feed of feeds) {
      const planned = await planFeed(testDb.db, feed, {
        today: TODAY,
        now: new Date('2026-03-10T04:00:00Z'),
        uidHost: 'zqt.example.gov.cn',
      })
      events += planned.events.length
      expect(renderIcs(planned.name, planned.events)).toBe(renderIcsReference(planned.name, planned.events))
    }
    expect(events).toBeGreaterThan(100)
  })

  it('a fold at every offset of every kind of character, escapes, no alarms, an empty feed', () => {
    const events: RenderedEvent[] = []
    for (const [p, piece] of PIECES.entries()) {
      for (let k = 0; k < 90; k++) {
        const i = p * 100 + k
        events.push(
          event(i, {
            summary: `${'s'.repeat(k)}${piece}${'中'.repeat(k % 40)}${piece}`,
            description: `${'中'.repeat(k % 30)}${'x'.repeat(k)}${piece}${piece}；截止`,
            alarmDaysBefore: k % 4 === 0 ? [] : [k % 5, 0, 60],
          }),
        )
      }
    }
    expect(renderIcs('政企通 · 许昌建丰, 有限公司; \\ 测', events)).toBe(
      renderIcsReference('政企通 · 许昌建丰, 有限公司; \\ 测', events),
    )
    expect(renderIcs('政企通 · 办事期限', [])).toBe(renderIcsReference('政企通 · 办事期限', []))
  })

  it('foldLines breaks lines longer than 75 octets, counting UTF-8 octets', () => {
    expect(foldLines(`A:${'x'.repeat(80)}`)).toBe(`A:${'x'.repeat(72)}\r\n ${'x'.repeat(8)}`)
    // 3 octets each: 24 fit (72), the 25th would make 75 > 74.
    expect(foldLines(`${'中'.repeat(26)}`)).toBe(`${'中'.repeat(24)}\r\n ${'中'.repeat(2)}`)
    expect(foldLines(`${'x'.repeat(73)}😀y`)).toBe(`${'x'.repeat(73)}\r\n 😀y`)
    expect(foldLines('a\r\nb')).toBe('a\r\nb')
  })
})
