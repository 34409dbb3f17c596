import type { FastifyInstance } from 'fastify'
import { GRANT_EXPIRY_JOB } from '../../server/capabilities/esign/jobs'
import { DEMO, type TestDb } from './helpers'
import { closeSigningApp, openSigningApp } from './seal-test-app'

/**
 * 授权到期提醒 on the app clock (issue #13: one clock). The app is pinned to a day before the
 * machine's: a grant whose last day is 3 days after the app's today is live for the app, so the
 * job (run for the app's today) tells the handler and the legal representative. The database's
 * now() must not decide it.
 */

const APP_NOW = Date.parse('2026-03-02T02:00:00Z') // Monday 2026-03-02, 10:00 China time
const APP_TODAY = '2026-03-02'

let testDb: TestDb
let app: FastifyInstance

beforeAll(async () => {
  ;({ testDb, app } = await openSigningApp({ now: () => APP_NOW }))
})
afterAll(async () => {
  await closeSigningApp(app, testDb)
})

it('plans the notices of the app clock’s day, whatever the database’s clock says', async () => {
  // Last day 2026-03-05 (China): live until 2026-03-06 00:00 China time.
  await testDb.db.query(
    `update seal_grants set valid_until = '2026-03-05T16:00:00Z'::timestamptz
     where grantee_user_id = (select id from users where phone = $1)`,
    [DEMO.handler],
  )
  const report = await GRANT_EXPIRY_JOB.run(app, { date: APP_TODAY })
  expect(report).toEqual({ notices: 2 })
})
