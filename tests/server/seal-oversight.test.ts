import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../server/app'
import type { Db } from '../../server/kernel/db/db'
import type { OutgoingMessage, MessageSender } from '../../server/kernel/notify/sender'
import {
  runMonthlySealReports,
  sealReportJobOf,
  sealReportMonthDue,
  sealReportTick,
  sealUsageEvents,
} from '../../server/capabilities/esign/jobs/seal-reports'
import { raiseUnusualUseAlerts, sealNamesOf, type SealUse } from '../../server/capabilities/esign/seals/unusual-use'
import { sealTemplates } from '../../server/capabilities/esign/seals/seal-notices'
import { DEMO, expectError, openTestDb, testConfig, type TestDb } from './helpers'
import {
  confirm,
  createTask,
  DOC_SM3,
  enterpriseIdByName,
  faceTicket,
  JIANFENG,
  scan,
  sandboxUser,
  signingFixture,
  STRANGER,
  ZHILIAN,
  type SigningFixture,
} from './seal-test-app'

/**
 * 用章报告 and 用章提醒 (issue #15 item 10). Clocks are pinned: the report job reads the clock it
 * is given; alerts are decided for the instant passed (the signing route passes its signing time).
 */

const cst = (local: string) => Date.parse(`${local}+08:00`)

let testDb: TestDb
let db: Db
let app: FastifyInstance
let fx: SigningFixture
let now = cst('2026-04-01T09:30')
const sent: OutgoingMessage[] = []
const wechat: MessageSender = {
  async send(message) {
    sent.push(message)
    return { status: 'sent' }
  },
}
let repId: string
let handlerId: string

beforeAll(async () => {
  testDb = await openTestDb()
  db = testDb.db
  app = buildApp({ db, config: testConfig(), messageSenders: { wechat }, now: () => now })
  await app.ready()
  fx = await signingFixture(app, db)
  const { rows } = await db.query<{ id: string; phone: string }>(
    `select u.id, p.phone from users u join (values ($1, 'rep'), ($2, 'handler')) as p(phone, who) on true
     join user_enterprises ue on ue.user_id = u.id
     where ue.enterprise_id = $3 and ue.role = case p.who when 'rep' then 'legal_representative' else 'handler' end`,
    [DEMO.rep, DEMO.handler, fx.ruifeng],
  )
  repId = rows.find((row) => row.phone === DEMO.rep)!.id
  handlerId = rows.find((row) => row.phone === DEMO.handler)!.id
  // The legal representative has a WeChat account and has accepted the seal template twice.
  await db.query(`insert into user_identities (platform, subject, user_id) values ('weapp', 'o-rep-oversight', $1)`, [
    repId,
  ])
  await db.query(
    `insert into subscriptions (user_id, platform, template_id, result, remaining) values ($1, 'weapp', $2, 'accept', 2)`,
    [repId, app.config.sealSubscribeTemplates.weapp],
  )
}, 60_000)

afterAll(async () => {
  await app?.close()
  await testDb?.close()
})

async function audit(
  enterpriseId: string,
  action: string,
  at: string,
  extra: { sealId?: string; taskId?: string; actor?: string; reasonCode?: string } = {},
) {
  await db.query(
    `insert into seal_audit (enterprise_id, action, actor_user_id, seal_id, task_id, detail, created_at, reason_code)
     values ($1, $2, $3, $4, $5, 'test', $6, $7)`,
    [
      enterpriseId,
      action,
      extra.actor ?? null,
      extra.sealId ?? null,
      extra.taskId ?? null,
      at,
      extra.reasonCode ?? null,
    ],
  )
}

async function newTask(systemAuth = fx.system): Promise<{ taskId: string; ticket: string }> {
  const created = await createTask(app, systemAuth, {
    enterpriseUscc: fx.ruifengUscc,
    documentName: '采购合同',
    documentSm3: DOC_SM3,
    signers: [{ sealType: 'contract' }],
  })
  if (created.statusCode !== 201) throw new Error(created.body)
  return created.json()
}

function useOf(atMs: number, taskId: string, system = { id: fx.systemId, name: '许昌市合同管理平台' }): SealUse {
  return {
    seal: { id: fx.seals.contract, type: 'contract', name: '合同专用章' },
    enterpriseId: fx.ruifeng,
    enterpriseName: '许昌瑞丰食品有限公司',
    system,
    taskId,
    atMs,
  }
}

const templates = () => sealTemplates(app.config, { wechat })

async function alertsOf(sealId: string): Promise<{ kind: string; china_day: string }[]> {
  const { rows } = await db.query<{ kind: string; china_day: string }>(
    `select kind, to_char(china_day, 'YYYY-MM-DD') as china_day from seal_alerts where seal_id = $1 order by china_day, kind`,
    [sealId],
  )
  return rows
}

async function clearAlerts() {
  await db.query('delete from seal_alerts')
  await db.query("delete from inbox_messages where seal_source like 'alert:%'")
  await db.query("delete from seal_notice_outbox where source like 'alert:%'")
}

describe('用章提醒: unusual use, decided at the moment of use', () => {
  // Each test starts from no alert, no use of the seal and two accepted subscriptions left (the
  // reports below use some up), so any one runs alone or in any order.
  beforeEach(async () => {
    await clearAlerts()
    await db.query('delete from seal_audit where seal_id = $1', [fx.seals.contract])
    await db.query(`update subscriptions set remaining = 2 where user_id = $1`, [repId])
  })

  it('outside the usual hours (a Saturday): one off-hours alert for the day, however many uses', async () => {
    const { taskId } = await newTask()
    const { taskId: earlier } = await newTask()
    await audit(fx.ruifeng, 'sign', '2026-03-06T10:00:00+08:00', { sealId: fx.seals.contract, taskId: earlier })
    const saturday = cst('2026-03-07T10:00')
    await db.transaction((tx) => raiseUnusualUseAlerts(tx, useOf(saturday, taskId), templates()))
    const again = await db.transaction((tx) => raiseUnusualUseAlerts(tx, useOf(saturday + 60_000, taskId), templates()))
    expect(again).toEqual([])
    expect(await alertsOf(fx.seals.contract)).toEqual([{ kind: 'off-hours', china_day: '2026-03-07' }])
    // A weekday morning raises nothing; the next day's off-hours use raises a new one.
    expect(
      await db.transaction((tx) => raiseUnusualUseAlerts(tx, useOf(cst('2026-03-09T10:00'), taskId), templates())),
    ).toEqual([])
    expect(
      await db.transaction((tx) => raiseUnusualUseAlerts(tx, useOf(cst('2026-03-09T21:15'), taskId), templates())),
    ).toEqual(['off-hours'])
  })

  it('the alert reaches the legal representative: inbox notice naming the seal and kind, linking 用章记录', async () => {
    const { taskId } = await newTask()
    const { taskId: earlier } = await newTask()
    await audit(fx.ruifeng, 'sign', '2026-03-06T10:00:00+08:00', { sealId: fx.seals.contract, taskId: earlier })
    await db.transaction((tx) => raiseUnusualUseAlerts(tx, useOf(cst('2026-03-08T22:05'), taskId), templates()))
    const inbox = await app.inject({ method: 'GET', url: '/api/v1/inbox', headers: fx.rep })
    const notice = inbox.json().items.find((m: { title: string }) => m.title.startsWith('用章提醒'))
    expect(notice).toMatchObject({
      title: '用章提醒：合同专用章在常用时段以外使用',
      enterpriseId: fx.ruifeng,
      link: { kind: 'seal-audit' },
    })
    expect(notice.body).toContain('2026-03-08 22:05')
    expect(notice.body).toContain('工作日08:00–20:00')
    // The handler (not the legal representative) gets nothing.
    const theirs = await app.inject({ method: 'GET', url: '/api/v1/inbox', headers: fx.handler })
    expect(theirs.json().items.some((m: { title: string }) => m.title.startsWith('用章提醒'))).toBe(false)
    const { rows } = await db.query<{ page: string; field_values: string[] }>(
      "select page, field_values from seal_notice_outbox where source like 'alert:%' and user_id = $1",
      [repId],
    )
    expect(rows).toEqual([
      {
        page: `packages/seals/pages/audit/index?enterpriseId=${fx.ruifeng}`,
        field_values: [
          '用章提醒：在常用时段以外使用',
          '合同专用章（许昌瑞丰食品有限公司）',
          expect.stringContaining('22:05'),
          '2026-03-08 22:05',
        ],
      },
    ])
  })

  it('a seal with 用章规则 hours is measured against them, not the default 08:00–20:00', async () => {
    const { taskId } = await newTask()
    const { taskId: earlier } = await newTask()
    await audit(fx.ruifeng, 'sign', '2026-03-06T10:00:00+08:00', { sealId: fx.seals.contract, taskId: earlier })
    await db.query(
      `insert into seal_rules (seal_id, enterprise_id, rules) values ($1, $2, $3)
       on conflict (seal_id) do update set rules = excluded.rules`,
      [fx.seals.contract, fx.ruifeng, JSON.stringify({ hours: { from: '09:00', to: '12:00' }, workingDaysOnly: true })],
    )
    try {
      // Monday 2026-03-09 14:00: inside the default hours, outside the seal's own.
      expect(
        await db.transaction((tx) => raiseUnusualUseAlerts(tx, useOf(cst('2026-03-09T14:00'), taskId), templates())),
      ).toEqual(['off-hours'])
    } finally {
      await db.query('delete from seal_rules where seal_id = $1', [fx.seals.contract])
    }
  })

  it('names a seal whose name carries the enterprise (as the platform names them) once, and the 公章 as 公章', async () => {
    const { taskId } = await newTask()
    const { taskId: earlier } = await newTask()
    await audit(fx.ruifeng, 'sign', '2026-03-06T10:00:00+08:00', { sealId: fx.seals.contract, taskId: earlier })
    const use = useOf(cst('2026-03-08T22:05'), taskId)
    const named = { ...use, seal: { ...use.seal, name: '许昌瑞丰食品有限公司合同专用章' } }
    await db.transaction((tx) => raiseUnusualUseAlerts(tx, named, templates()))
    const inbox = await app.inject({ method: 'GET', url: '/api/v1/inbox', headers: fx.rep })
    const notice = inbox.json().items.find((m: { title: string }) => m.title.startsWith('用章提醒'))
    expect(notice.title).toBe('用章提醒：许昌瑞丰食品有限公司合同专用章在常用时段以外使用')
    expect(notice.body).toMatch(/^许昌瑞丰食品有限公司合同专用章在常用时段以外使用：/)
    const { rows } = await db.query<{ field_values: string[] }>(
      "select field_values from seal_notice_outbox where source like 'alert:%' and user_id = $1",
      [repId],
    )
    expect(rows[0].field_values[1]).toBe('许昌瑞丰食品有限公司合同专用章')
    const official = { ...use, seal: { ...use.seal, type: 'official', name: '许昌瑞丰食品有限公司' } }
    expect(sealNamesOf(official)).toEqual({
      seal: '许昌瑞丰食品有限公司公章',
      inSentence: '许昌瑞丰食品有限公司公章',
      withOwner: '许昌瑞丰食品有限公司公章',
    })
  })

  it('a burst: 6 uses in the last hour of a quiet seal (threshold 5), not 5', async () => {
    const { taskId } = await newTask()
    // The baseline's uses come from the same system through an earlier task: not a new system.
    const { taskId: earlier } = await newTask()
    const at = cst('2026-03-10T11:00')
    // Baseline: 10 busy hours of 3 in the 30 days before (p95 = 0, threshold = max(5, 0) = 5).
    for (let day = 1; day <= 10; day++)
      for (let i = 0; i < 3; i++)
        await audit(fx.ruifeng, 'sign', new Date(at - day * 86_400_000 + i * 60_000).toISOString(), {
          sealId: fx.seals.contract,
          taskId: earlier,
        })
    for (let i = 0; i < 5; i++)
      await audit(fx.ruifeng, 'sign', new Date(at - (50 - i) * 60_000).toISOString(), {
        sealId: fx.seals.contract,
        taskId,
      })
    expect(await db.transaction((tx) => raiseUnusualUseAlerts(tx, useOf(at, taskId), templates()))).toEqual([])
    await audit(fx.ruifeng, 'sign', new Date(at - 60_000).toISOString(), { sealId: fx.seals.contract, taskId })
    expect(await db.transaction((tx) => raiseUnusualUseAlerts(tx, useOf(at, taskId), templates()))).toEqual(['burst'])
    const { rows } = await db.query<{ detail: string }>("select detail from seal_alerts where kind = 'burst'")
    expect(rows[0].detail).toBe('最近1小时使用6次，超过通常上限5次')
    await db.query('delete from seal_audit where seal_id = $1', [fx.seals.contract])
  })

  it('a document system never seen for the seal: an alert at its first use, none once seen', async () => {
    const { taskId } = await newTask()
    const at = cst('2026-03-11T10:00')
    expect(await db.transaction((tx) => raiseUnusualUseAlerts(tx, useOf(at, taskId), templates()))).toEqual([
      'new-system',
    ])
    await clearAlerts()
    const { taskId: earlier } = await newTask()
    await audit(fx.ruifeng, 'sign', '2026-03-01T10:00:00+08:00', { sealId: fx.seals.contract, taskId: earlier })
    expect(await db.transaction((tx) => raiseUnusualUseAlerts(tx, useOf(at, taskId), templates()))).toEqual([])
    await db.query('delete from seal_audit where seal_id = $1', [fx.seals.contract])
  })

  it('12 signatures at once through the API: at most one alert per kind, one notice each, one message each', async () => {
    await db.query('delete from seal_audit where seal_id = $1', [fx.seals.contract])
    const tasks: { taskId: string; face: string }[] = []
    for (let i = 0; i < 12; i++) {
      const task = await newTask()
      expect((await scan(app, fx.handler, task.ticket)).statusCode).toBe(200)
      // Face, not the PIN: twelve PIN tries at once would lock it (a try counts before it is checked).
      tasks.push({ ...task, face: await faceTicket(app, fx.handler, `sign:${task.taskId}`, STRANGER) })
    }
    sent.length = 0
    const answers = await Promise.all(tasks.map((task) => confirm(app, fx.handler, task.taskId, { ticket: task.face })))
    expect(answers.map((a) => a.statusCode)).toEqual(new Array(12).fill(200))
    const alerts = await alertsOf(fx.seals.contract)
    const kinds = alerts.map((a) => a.kind)
    // First use by the system, and 12 > 5 uses in the hour; off-hours too when the wall clock says so.
    expect(kinds).toEqual(expect.arrayContaining(['burst', 'new-system']))
    expect(new Set(kinds).size).toBe(kinds.length)
    const { rows } = await db.query<{ n: number }>(
      "select count(*)::int as n from inbox_messages where seal_source like 'alert:%' and user_id = $1",
      [repId],
    )
    expect(rows[0].n).toBe(alerts.length)
    // One subscribe message per subscription left (2 accepted), never more.
    expect(sent.length).toBe(Math.min(2, alerts.length))
    expect(sent[0]).toMatchObject({ toUser: 'o-rep-oversight', templateId: app.config.sealSubscribeTemplates.weapp })
    await db.query('delete from seal_audit where seal_id = $1', [fx.seals.contract])
    await db.query(`update subscriptions set remaining = 2 where user_id = $1`, [repId])
  }, 60_000)
})

describe('用章报告: monthly, per enterprise, idempotent', () => {
  let jianfeng: string
  let zhilian: string
  let erpSystemId: string

  beforeAll(async () => {
    await clearAlerts()
    await db.query('delete from seal_audit where enterprise_id = $1', [fx.ruifeng])
    jianfeng = await enterpriseIdByName(db, JIANFENG)
    zhilian = await enterpriseIdByName(db, ZHILIAN)
    // The seals existed before March (the fixture claimed them on the wall clock's day).
    await db.query(`update seals set created_at = '2026-01-05T10:00:00+08:00' where enterprise_id = $1`, [fx.ruifeng])
    const { createSystem } = await import('../../server/kernel/repos/systems')
    const erp = await createSystem(db, '瑞丰ERP', ['sign-tasks'])
    erpSystemId = erp.id
    const { taskId: oa } = await newTask()
    const { rows } = await db.query<{ id: string }>('select id from sign_tasks where id = $1', [oa])
    const oaTask = rows[0].id
    const { randomUUID } = await import('node:crypto')
    const erpTask = randomUUID()
    await db.query(
      `insert into sign_tasks (id, system_id, enterprise_id, document_name, document_sm3, ticket_hash, expires_at)
       values ($1, $2, $3, '对账单', $4, $5, now())`,
      [erpTask, erpSystemId, fx.ruifeng, DOC_SM3, `erp-${erpTask}`],
    )
    const contract = fx.seals.contract
    const official = fx.seals.official
    // March 2026, China time
    await audit(fx.ruifeng, 'sign', '2026-02-28T16:00:00Z', { sealId: contract, taskId: oaTask, actor: handlerId }) // 03-01 00:00 CST
    await audit(fx.ruifeng, 'sign', '2026-03-31T15:30:00Z', { sealId: contract, taskId: erpTask, actor: handlerId }) // 03-31 23:30 CST
    await audit(fx.ruifeng, 'sign', '2026-03-12T07:00:00Z', { sealId: official, taskId: oaTask, actor: repId })
    await audit(fx.ruifeng, 'pin-failed', '2026-03-05T01:00:00Z', { taskId: oaTask, actor: handlerId })
    await audit(fx.ruifeng, 'face-failed', '2026-03-06T01:00:00Z', { actor: handlerId }) // a claim, not a use
    // February
    await audit(fx.ruifeng, 'sign', '2026-02-28T15:59:00Z', { sealId: contract, taskId: oaTask, actor: handlerId }) // 02-28 23:59 CST
    // April: not March
    await audit(fx.ruifeng, 'sign', '2026-03-31T16:00:00Z', { sealId: contract, taskId: oaTask, actor: handlerId }) // 04-01 00:00 CST
    // Two more enterprises with activity in March (refused attempts only).
    await audit(jianfeng, 'pin-failed', '2026-03-15T02:00:00Z', { taskId: oaTask })
    await audit(zhilian, 'pin-failed', '2026-03-16T02:00:00Z', { taskId: oaTask })
    now = cst('2026-04-01T09:30')
  })

  const job = () => sealReportJobOf(app)

  it('the month due: the previous one, from the 1st at 09:00 China time', () => {
    expect(sealReportMonthDue(cst('2026-04-01T08:59'))).toBeNull()
    expect(sealReportMonthDue(cst('2026-04-01T09:00'))).toBe('2026-03')
    expect(sealReportMonthDue(cst('2026-04-17T03:00'))).toBe('2026-03')
    expect(sealReportMonthDue(cst('2026-01-01T10:00'))).toBe('2025-12')
  })

  it('a crash after the first enterprise, then a re-run: every report once, every notice once', async () => {
    await db.query("delete from seal_reports where month = '2026-03-01'")
    await db.query("delete from seal_report_runs where month = '2026-03-01'")
    await db.query("delete from inbox_messages where seal_source like 'report:%'")
    await db.query("delete from seal_notice_outbox where source like 'report:%'")
    await db.query(`update subscriptions set remaining = 2 where user_id = $1`, [repId])
    sent.length = 0
    let reported = 0
    await expect(
      runMonthlySealReports(
        {
          ...job(),
          afterEnterprise: () => {
            if (++reported === 1) throw new Error('killed')
          },
        },
        '2026-03',
      ),
    ).rejects.toThrow('killed')
    const { rows: first } = await db.query<{ n: number }>(
      "select count(*)::int as n from seal_reports where month = '2026-03-01'",
    )
    expect(first[0].n).toBe(1)
    const rerun = await runMonthlySealReports(job(), '2026-03')
    expect(rerun).toMatchObject({ written: 2, alreadyWritten: 1 })
    const twice = await runMonthlySealReports(job(), '2026-03')
    expect(twice).toMatchObject({ written: 0, alreadyWritten: 3, inbox: 0 })
    const { rows } = await db.query<{ enterprise_id: string }>(
      "select enterprise_id from seal_reports where month = '2026-03-01' order by enterprise_id",
    )
    expect(rows.map((row) => row.enterprise_id).sort()).toEqual([fx.ruifeng, jianfeng, zhilian].sort())
    // 张建国 is the legal representative of 瑞丰 and 建丰: one notice each; 智联 has none linked.
    const { rows: inbox } = await db.query<{ seal_source: string }>(
      "select seal_source from inbox_messages where seal_source like 'report:%' order by seal_source",
    )
    expect(inbox.map((row) => row.seal_source).sort()).toEqual(
      [`report:${fx.ruifeng}:2026-03`, `report:${jianfeng}:2026-03`].sort(),
    )
    // Two subscriptions accepted, two reports: one message each, none twice.
    expect(sent.map((m) => m.page).sort()).toEqual(
      [
        `packages/seals/pages/reports/index?enterpriseId=${fx.ruifeng}&month=2026-03`,
        `packages/seals/pages/reports/index?enterpriseId=${jianfeng}&month=2026-03`,
      ].sort(),
    )
  }, 60_000)

  it('the tick runs the due month once; later ticks only resend', async () => {
    await db.query("delete from seal_report_runs where month = '2026-03-01'")
    expect(await sealReportTick(job())).toMatchObject({ month: '2026-03' })
    const { rows } = await db.query<{ finished: boolean }>(
      "select finished_at is not null as finished from seal_report_runs where month = '2026-03-01'",
    )
    expect(rows[0].finished).toBe(true)
    expect(await sealReportTick(job())).toBeNull()
  })

  it('what the legal representative reads: March counted in China time, beside February', async () => {
    await runMonthlySealReports(job(), '2026-03')
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/enterprises/${fx.ruifeng}/seal-reports/2026-03`,
      headers: fx.rep,
    })
    expect(response.statusCode).toBe(200)
    const report = response.json()
    expect(report).toMatchObject({
      month: '2026-03',
      previousMonth: '2026-02',
      enterpriseName: '许昌瑞丰食品有限公司',
      uses: 3,
      previousUses: 1,
      refused: 1,
      previousRefused: 0,
    })
    expect(report.bySeal.slice(0, 2)).toEqual([
      { key: fx.seals.contract, label: '许昌瑞丰食品有限公司合同专用章', count: 2, previous: 1 },
      { key: fx.seals.official, label: '许昌瑞丰食品有限公司', count: 1, previous: 0 },
    ])
    expect(report.bySeal).toHaveLength(4)
    expect(report.byHandler).toEqual([
      { key: handlerId, label: '王*', count: 2, previous: 1 },
      { key: repId, label: '张*国', count: 1, previous: 0 },
    ])
    expect(report.bySystem).toEqual([
      { key: fx.systemId, label: '许昌市合同管理平台', count: 2, previous: 1 },
      { key: erpSystemId, label: '瑞丰ERP', count: 1, previous: 0 },
    ])
    expect(report.refusedByReason).toEqual([{ key: 'pin-failed', label: '签署密码错误', count: 1, previous: 0 }])
    const list = await app.inject({
      method: 'GET',
      url: `/api/v1/enterprises/${fx.ruifeng}/seal-reports`,
      headers: fx.rep,
    })
    expect(list.json().items).toEqual([
      { month: '2026-03', uses: 3, previousUses: 1, refused: 1, createdAt: expect.any(String) },
    ])
    const inbox = await app.inject({ method: 'GET', url: '/api/v1/inbox', headers: fx.rep })
    expect(
      inbox
        .json()
        .items.find(
          (m: { enterpriseId: string; link: { kind: string } }) =>
            m.enterpriseId === fx.ruifeng && m.link.kind === 'seal-report',
        ),
    ).toMatchObject({
      title: '2026年3月用章报告：许昌瑞丰食品有限公司',
      link: { kind: 'seal-report', month: '2026-03' },
    })
  })

  it('refusals by the seal’s 用章规则 count among refused attempts, by their reason code', async () => {
    const { taskId } = await newTask()
    await audit(fx.ruifeng, 'refused', '2026-03-12T21:00:00+08:00', {
      sealId: fx.seals.contract,
      taskId,
      actor: handlerId,
      reasonCode: 'outside-hours',
    })
    try {
      const events = await sealUsageEvents(db, fx.ruifeng, '2026-03')
      expect(events.filter((event) => event.kind === 'refused')).toContainEqual(
        expect.objectContaining({ reason: 'outside-hours', atMs: cst('2026-03-12T21:00') }),
      )
    } finally {
      await db.query(`delete from seal_audit where action = 'refused' and task_id = $1`, [taskId])
    }
  })

  it('only the legal representative reads reports; a role taken away refuses at once', async () => {
    const handlerList = await app.inject({
      method: 'GET',
      url: `/api/v1/enterprises/${fx.ruifeng}/seal-reports`,
      headers: fx.handler,
    })
    expect(handlerList.statusCode).toBe(403)
    const agent = await sandboxUser(app, DEMO.agent)
    const agentRead = await app.inject({
      method: 'GET',
      url: `/api/v1/enterprises/${jianfeng}/seal-reports/2026-03`,
      headers: agent,
    })
    expect(agentRead.statusCode).toBe(403)
    expectError(
      await app.inject({
        method: 'GET',
        url: `/api/v1/enterprises/${fx.ruifeng}/seal-reports/2026-13`,
        headers: fx.rep,
      }),
      400,
      'VALIDATION_FAILED',
    )
    expectError(
      await app.inject({
        method: 'GET',
        url: `/api/v1/enterprises/${fx.ruifeng}/seal-reports/2026-02`,
        headers: fx.rep,
      }),
      404,
      'NOT_FOUND',
    )
    await db.query("update user_enterprises set role = 'staff' where user_id = $1 and enterprise_id = $2", [
      repId,
      fx.ruifeng,
    ])
    try {
      const after = await app.inject({
        method: 'GET',
        url: `/api/v1/enterprises/${fx.ruifeng}/seal-reports/2026-03`,
        headers: fx.rep,
      })
      expect(after.statusCode).toBe(403)
    } finally {
      await db.query(
        "update user_enterprises set role = 'legal_representative' where user_id = $1 and enterprise_id = $2",
        [repId, fx.ruifeng],
      )
    }
  })
})
