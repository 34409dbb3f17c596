import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { EnterpriseProfile } from '../../src/domain/policies/profile'
import { createFakeApi } from '../setup/fake-api'
import { loginResponse } from './fixtures'
import { ENTERPRISE, match, nearMatch, page, view, policy } from './PolicyFixtures'

const mockApi = createFakeApi()
jest.mock('../../src/platform/request', () => ({ taroTransport: (r: any) => mockApi.transport(r) }))

import { CalculatorScreen } from '../../src/features/policies/CalculatorScreen'
import { useCalculatorDraft } from '../../src/features/policies/calculatorDraft'
import { useSession } from '../../src/core/session'

const eligible = match({
  policyId: 'p-1',
  title: '小微企业贷款贴息',
  conditions: [{ id: 'industry', label: '行业：制造业（C）', outcome: 'met', fact: 'C1432（属食品制造业）' }],
})
const asked = () => mockApi.calls.filter((c) => c.method === 'POST').map((c) => c.json.profile as EnterpriseProfile)

beforeEach(() => {
  mockApi.calls.length = 0
  useCalculatorDraft.getState().start(null, null)
  useSession.getState().clear()
  mockApi.on('GET', '/api/v1/policies', () => ({
    body: page([
      view(policy({ eligibility: { all: [{ id: 'zone', kind: 'region', zones: ['许昌经济技术开发区'] }] } })),
    ]),
  }))
  // GET /api/v1/regions: 河南省 → 许昌市 → its districts.
  mockApi.on('GET', '/api/v1/regions', (r) => {
    const code = /code=(\d{6})/.exec(r.url)?.[1]
    const henan = { code: '410000', name: '河南省' }
    const xuchang = { code: '411000', name: '许昌市' }
    const weidu = { code: '411002', name: '魏都区' }
    if (!code) return { body: { path: [], children: [{ code: '110000', name: '北京市' }, henan] } }
    if (code === '410000') return { body: { path: [henan], children: [xuchang] } }
    if (code === '411000')
      return { body: { path: [henan, xuchang], children: [weidu, { code: '411003', name: '建安区' }] } }
    return { body: { path: [henan, xuchang, weidu], children: [] } }
  })
  // The fake calculator: a manufacturer (industry C…) is eligible for the loan policy, and near the award.
  mockApi.on('POST', '/api/v1/policy-calculator', (r) => ({
    body: { results: r.json.profile.industryCode?.startsWith('C') ? [eligible, nearMatch] : [] },
  }))
})

test('results update as facts are entered, each 可申报 condition with ✓ and the near miss naming the missing fact', async () => {
  render(<CalculatorScreen enterpriseId={null} onOpen={() => undefined} />)
  // No verdict before any answer (it used to say 差一点 on everything at step 0), and no stray card.
  expect(screen.getByText('回答问题后即可看到测算结果，可随时跳过不清楚的问题')).toBeTruthy()
  expect(screen.queryByText(/不符合 \d+ 项/)).toBeNull()
  expect(screen.queryByText('自行填写')).toBeNull()
  expect(screen.getByText('无需登录即可测算；登录并选择企业后，可从企业档案预填并保存')).toBeTruthy()
  await new Promise((resolve) => setTimeout(resolve, 450))
  expect(asked()).toEqual([])
  // Nothing is fetched for a later question before it is asked (the catalogue for the zone chips).
  expect(mockApi.calls.some((c) => c.url.startsWith('/api/v1/policies'))).toBe(false)

  fireEvent.change(screen.getByRole('textbox', { name: '企业所属行业是' }), { target: { value: '食品' } })
  fireEvent.click(screen.getByRole('option', { name: '选择行业：食品制造业（C14）' }))
  await screen.findByText('符合条件 1 项 · 差一点 1 项 · 不符合 0 项')
  expect(asked().at(-1)).toEqual({ industryCode: 'C14' })
  const marks = screen.getAllByLabelText('行业：制造业（C）：已满足，C1432（属食品制造业）')
  expect(marks.map((m) => m.textContent)).toEqual(Array(2).fill(expect.stringContaining('✓ 已满足')))
  expect(screen.getByText('补齐 1 项即可申报：企业资质：高新技术企业')).toBeTruthy()
  expect(screen.getByText('待补充信息：企业资质')).toBeTruthy()
})

test('one question at a time, the region picked 省 → 市 → 区县 by name, figures sent as numbers', async () => {
  render(<CalculatorScreen enterpriseId={null} onOpen={() => undefined} />)
  expect(screen.getByText('第 1 / 13 步 · 已填写 0 项')).toBeTruthy()
  fireEvent.click(screen.getByRole('button', { name: '跳过' }))
  // 注册地: names, never a 6-digit code to type.
  expect(screen.queryByRole('textbox')).toBeNull()
  fireEvent.click(screen.getByRole('button', { name: '选择注册地' }))
  fireEvent.click(await screen.findByRole('button', { name: '河南省' }))
  fireEvent.click(await screen.findByRole('button', { name: '许昌市' }))
  fireEvent.click(await screen.findByRole('button', { name: '魏都区' }))
  expect(await screen.findByText('注册地：河南省 许昌市 魏都区')).toBeTruthy()
  fireEvent.click(screen.getByRole('button', { name: '下一步' }))
  // 园区: the zones the catalogue names are offered, fetched when the question is asked.
  fireEvent.click(await screen.findByRole('button', { name: '所在园区：许昌经济技术开发区' }))
  fireEvent.click(screen.getByRole('button', { name: '下一步' }))
  fireEvent.click(screen.getByRole('button', { name: '跳过' }))
  expect(screen.getByText('从业人员有多少人？')).toBeTruthy()
  fireEvent.change(screen.getByRole('textbox', { name: '从业人员有多少人' }), { target: { value: '86.' } })
  fireEvent.change(screen.getByRole('textbox', { name: '从业人员有多少人' }), { target: { value: '86' } })
  await waitFor(() =>
    expect(asked().at(-1)).toEqual({ regionCode: '411002', developmentZone: '许昌经济技术开发区', employees: 86 }),
  )
  expect(asked().every((p) => p.employees === undefined || p.employees === 86)).toBe(true)
  expect(screen.getByText('第 5 / 13 步 · 已填写 3 项')).toBeTruthy()
})

test('the answers survive an app restart (kept on the device)', async () => {
  useCalculatorDraft.getState().setFact('employees', 86)
  useCalculatorDraft.getState().setStep(4)
  const restarted = await new Promise<{ profile: EnterpriseProfile; step: number }>((resolve) => {
    jest.isolateModules(() => {
      const { useCalculatorDraft: fresh } = require('../../src/features/policies/calculatorDraft')
      void fresh.persist.rehydrate().then(() => resolve(fresh.getState()))
    })
  })
  expect(restarted).toMatchObject({ profile: { employees: 86 }, step: 4 })
})

test('a failed calculation says why and retries', async () => {
  mockApi.on('POST', '/api/v1/policy-calculator', () => ({
    status: 503,
    body: { code: 'INTERNAL', message: '服务器开小差了，请稍后再试' },
  }))
  act(() => useCalculatorDraft.getState().setFact('employees', 86))
  render(<CalculatorScreen enterpriseId={null} onOpen={() => undefined} />)
  expect((await screen.findByRole('alert')).textContent).toContain('测算失败：服务器开小差了，请稍后再试')
  mockApi.on('POST', '/api/v1/policy-calculator', () => ({ body: { results: [eligible] } }))
  fireEvent.click(screen.getByRole('button', { name: '重试' }))
  await screen.findByText('符合条件 1 项 · 差一点 0 项 · 不符合 0 项')
})

test('signed in: pre-fill from the enterprise profile, and save adds the answers to what is saved', async () => {
  useSession.getState().signedIn(loginResponse())
  const saved = { industryCode: 'C1432', employees: 86, revenueWan: 6800 }
  mockApi.on('GET', `/api/v1/enterprises/${ENTERPRISE}/profile-facts`, () => ({
    body: { enterpriseId: ENTERPRISE, profile: saved, updatedAt: null },
  }))
  mockApi.on('PUT', `/api/v1/enterprises/${ENTERPRISE}/profile-facts`, (r) => ({
    body: { enterpriseId: ENTERPRISE, profile: r.json.profile, updatedAt: '2026-11-22T00:00:00.000Z' },
  }))
  render(<CalculatorScreen enterpriseId={ENTERPRISE} enterpriseName='许昌瑞丰食品有限公司' onOpen={() => undefined} />)
  await screen.findByText('按 许昌瑞丰食品有限公司 的企业档案测算')
  fireEvent.click(screen.getByRole('button', { name: '从企业档案预填' }))
  await waitFor(() =>
    expect((screen.getByRole('textbox', { name: '企业所属行业是' }) as HTMLInputElement).value).toBe('C1432'),
  )
  await waitFor(() => expect(asked().at(-1)).toEqual(saved))

  act(() => {
    useCalculatorDraft.getState().setFact('exporter', true)
    useCalculatorDraft.getState().setFact('employees', 90)
  })
  fireEvent.click(screen.getByRole('button', { name: '保存到企业档案' }))
  await waitFor(() => expect(mockApi.calls.some((c) => c.method === 'PUT')).toBe(true))
  expect(mockApi.calls.find((c) => c.method === 'PUT')?.json).toEqual({
    profile: { industryCode: 'C1432', employees: 90, revenueWan: 6800, exporter: true },
  })
})

test('opened for an enterprise, a draft typed signed out does not pass for its facts: it starts from the 企业档案', async () => {
  act(() => {
    useCalculatorDraft.getState().setFact('industryCode', 'C14')
    useCalculatorDraft.getState().setFact('regionCode', '411002')
    useCalculatorDraft.getState().setStep(12)
  })
  useSession.getState().signedIn(loginResponse())
  const saved = { industryCode: 'C3311', employees: 120 }
  mockApi.on('GET', `/api/v1/enterprises/${ENTERPRISE}/profile-facts`, () => ({
    body: { enterpriseId: ENTERPRISE, profile: saved, updatedAt: null },
  }))
  const { unmount } = render(
    <CalculatorScreen enterpriseId={ENTERPRISE} enterpriseName='许昌建丰钢结构工程有限公司' onOpen={() => undefined} />,
  )
  await screen.findByText('按 许昌建丰钢结构工程有限公司 的企业档案测算')
  expect(screen.getByText('第 1 / 13 步 · 已填写 2 项')).toBeTruthy()
  expect((screen.getByRole('textbox', { name: '企业所属行业是' }) as HTMLInputElement).value).toBe('C3311')
  await waitFor(() => expect(asked().at(-1)).toEqual(saved))

  // The enterprise's own draft is kept when the calculator opens again for it.
  act(() => useCalculatorDraft.getState().setFact('employees', 130))
  unmount()
  mockApi.calls.length = 0
  render(
    <CalculatorScreen enterpriseId={ENTERPRISE} enterpriseName='许昌建丰钢结构工程有限公司' onOpen={() => undefined} />,
  )
  await waitFor(() => expect(asked().at(-1)).toEqual({ industryCode: 'C3311', employees: 130 }))
  expect(mockApi.calls.some((c) => c.url.includes('profile-facts'))).toBe(false)

  // 重新填写 says the enterprise's profile is no longer used.
  fireEvent.click(screen.getByRole('button', { name: '重新填写' }))
  expect(screen.getByText('为 许昌建丰钢结构工程有限公司 测算')).toBeTruthy()
  expect(screen.queryByText('自行填写')).toBeNull()
})

test('typed text that is not an answer is never dropped silently by 跳过', async () => {
  act(() => useCalculatorDraft.getState().setStep(4))
  render(<CalculatorScreen enterpriseId={null} onOpen={() => undefined} />)
  fireEvent.change(screen.getByRole('textbox', { name: '从业人员有多少人' }), { target: { value: '八十六' } })
  expect(screen.queryByRole('button', { name: '跳过' })).toBeNull()
  expect(screen.getByRole('alert').textContent).toBe('「八十六」还不是有效的回答：请从候选中选择，或按提示填写完整')
  fireEvent.change(screen.getByRole('textbox', { name: '从业人员有多少人' }), { target: { value: '86' } })
  expect(screen.queryByRole('alert')).toBeNull()
  expect(screen.getByRole('button', { name: '下一步' })).toBeTruthy()
})

test('the last step adds information instead of repeating its question, with a short date field', async () => {
  act(() => useCalculatorDraft.getState().setStep(12))
  render(<CalculatorScreen enterpriseId={null} onOpen={() => undefined} />)
  expect(screen.getAllByText('最近一次严重违法失信记录的日期是？')).toHaveLength(1)
  expect(screen.getByText('可在「信用中国」网站查询；没有记录请选「无记录」')).toBeTruthy()
  const field = screen.getByRole('textbox', { name: '记录日期' }) as HTMLInputElement
  expect(field.getAttribute('placeholder')).toBe('记录日期，如 2026-01-31')
  // 查看结果 at the last step, once something is answered.
  const show = screen.getByRole('button', { name: '查看结果' })
  expect(show.hasAttribute('disabled')).toBe(true)
  fireEvent.click(screen.getByRole('button', { name: '最近一次严重违法失信记录的日期是：无记录' }))
  act(() => useCalculatorDraft.getState().setFact('industryCode', 'C14'))
  await screen.findByText('符合条件 1 项 · 差一点 1 项 · 不符合 0 项')
  fireEvent.click(screen.getByRole('button', { name: '查看结果' }))
  expect(screen.getByText('测算结果')).toBeTruthy()
  expect(screen.getByText('已回答 2 / 13 项')).toBeTruthy()
  expect(screen.queryByText('最近一次严重违法失信记录的日期是？')).toBeNull()
  fireEvent.click(screen.getByRole('button', { name: '修改答案' }))
  expect(screen.getByText('最近一次严重违法失信记录的日期是？')).toBeTruthy()
})

test('the industry suggestions are a named listbox; Space chooses one and it says it is selected', async () => {
  const { installKeyboardAccess } = await import('../../src/platform/keyboard')
  const uninstall = installKeyboardAccess()
  try {
    render(<CalculatorScreen enterpriseId={null} onOpen={() => undefined} />)
    fireEvent.change(screen.getByRole('textbox', { name: '企业所属行业是' }), { target: { value: '食品' } })
    const list = screen.getByRole('listbox', { name: '行业搜索结果' })
    const option = screen.getByRole('option', { name: '选择行业：食品制造业（C14）' })
    expect(list.contains(option)).toBe(true)
    expect(option.getAttribute('aria-selected')).toBe('false')
    await waitFor(() => expect(option.tabIndex).toBe(0))
    fireEvent.keyDown(option, { key: ' ' })
    await screen.findByText('已选：食品制造业（C14）')
    await screen.findByText('符合条件 1 项 · 差一点 1 项 · 不符合 0 项')
  } finally {
    uninstall()
  }
})
