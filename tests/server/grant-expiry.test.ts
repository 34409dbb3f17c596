import type { FastifyInstance } from 'fastify'
import { GRANT_EXPIRY_JOB } from '../../server/capabilities/esign/jobs'
import { planGrantExpiryNotices, sendGrantExpiryNotices } from '../../server/capabilities/esign/seals/grant-expiry'
import { addDays, chinaDateOf } from '../../src/domain/calendar/dates'
import { DEMO, type TestDb } from './helpers'
import {
  closeSigningApp,
  confirm,
  createTask,
  DOC_SM3,
  HANDLER_PIN,
  openSigningApp,
  scan,
  type SigningFixture,
} from './seal-test-app'

/** 授权到期 (issue #15 item 9): said in advance, once; and a grant past its date gives nothing at once. */

let testDb: TestDb
let app: FastifyInstance
let fx: SigningFixture

beforeAll(async () => {
  ;({ testDb, app, fx } = await openSigningApp())
})

afterAll(async () => {
  await closeSigningApp(app, testDb)
})

async function grantLastDay(): Promise<string> {
  const { rows } = await testDb.db.query<{ valid_until: Date }>(
    `select g.valid_until from seal_grants g join users u on u.id = g.grantee_user_id where u.phone = $1`,
    [DEMO.handler],
  )
  return chinaDateOf(new Date(rows[0].valid_until).getTime() - 1)
}

async function inbox(phone: string): Promise<{ title: string; body: string }[]> {
  const { rows } = await testDb.db.query<{ title: string; body: string }>(
    `select m.title, m.body from inbox_messages m join users u on u.id = m.user_id
     where u.phone = $1 and m.title like '%授权即将到期%' order by m.seq`,
    [phone],
  )
  return rows
}

it('tells the handler and the legal representative 7 days before the last day, once however often the job runs', async () => {
  const lastDay = await grantLastDay()
  expect(await planGrantExpiryNotices(testDb.db, addDays(lastDay, -8), app.clock())).toEqual([])
  const due = addDays(lastDay, -7)
  const plan = await planGrantExpiryNotices(testDb.db, due, app.clock())
  expect(plan).toHaveLength(2)
  const twice = await Promise.all([sendGrantExpiryNotices(testDb.db, plan), sendGrantExpiryNotices(testDb.db, plan)])
  expect(twice[0] + twice[1]).toBe(2)
  // The daily job (esign's seal-grant-expiry) calls the same planner: nothing more on a re-run or the next day.
  await GRANT_EXPIRY_JOB.run(app, { date: due })
  await GRANT_EXPIRY_JOB.run(app, { date: addDays(due, 1) })
  const handler = await inbox(DEMO.handler)
  expect(handler).toHaveLength(1)
  expect(handler[0].body).toContain(lastDay)
  expect(handler[0].body).toContain('合同专用章')
  const rep = await inbox(DEMO.rep)
  expect(rep).toHaveLength(1)
  expect(rep[0].title).toBe('经办人印章授权即将到期')
})

it('a grant past its date stops working at once (no job needed)', async () => {
  const created = await createTask(app, fx.system, {
    enterpriseUscc: fx.ruifengUscc,
    signers: [{ sealType: 'contract' }],
    documentName: '采购合同',
    documentSm3: DOC_SM3,
  })
  expect((await scan(app, fx.handler, created.json().ticket)).statusCode).toBe(200)
  const { rows } = await testDb.db.query<{ id: string; valid_until: Date }>(
    `update seal_grants g set valid_until = now() - interval '1 millisecond'
     from seal_grants before
     where before.id = g.id and g.grantee_user_id = (select id from users where phone = $1)
     returning g.id, before.valid_until`,
    [DEMO.handler],
  )
  try {
    const response = await confirm(app, fx.handler, created.json().taskId, { pin: HANDLER_PIN })
    expect(response.statusCode).toBe(403)
    expect(await planGrantExpiryNotices(testDb.db, chinaDateOf(app.clock()), app.clock())).toEqual([])
  } finally {
    // The fixture's grant, as it was: the notice test needs it live, whichever runs first.
    for (const row of rows) {
      await testDb.db.query('update seal_grants set valid_until = $2 where id = $1', [row.id, row.valid_until])
    }
  }
})
