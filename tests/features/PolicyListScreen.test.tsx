import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { createFakeApi } from '../setup/fake-api'
import { loginResponse } from './fixtures'
import { ENTERPRISE, match, nearMatch, page, policy, view } from './PolicyFixtures'

const mockApi = createFakeApi()
jest.mock('../../src/platform/request', () => ({ taroTransport: (r: any) => mockApi.transport(r) }))

import { AutoBenefitCard } from '../../src/features/policies/AutoBenefitCard'
import { useAutoBenefits } from '../../src/features/policies/autoBenefitStore'
import { PolicyListScreen } from '../../src/features/policies/PolicyListScreen'
import { usePolicies } from '../../src/features/policies/policiesStore'
import { useSession } from '../../src/core/session'

const loan = policy()
const vat = policy({ id: 'p-vat', title: '小规模纳税人免征增值税', level: 'national', autoGrant: true })
const catalogue = [view(loan), view(vat)]
const matches = {
  enterpriseId: ENTERPRISE,
  profile: { industryCode: 'C1432', employees: 86 },
  eligible: [
    match({ policyId: 'p-1', title: '小微企业贷款贴息' }),
    match({ policyId: 'p-vat', title: '小规模纳税人免征增值税', autoGrant: true }),
  ],
  near: [nearMatch],
}
const noop = () => undefined

beforeEach(() => {
  mockApi.calls.length = 0
  usePolicies.setState({
    filter: {},
    catalogue: null,
    catalogueTotal: 0,
    nextCursor: null,
    regionDefaultedFor: null,
    catalogueError: null,
    catalogueLoading: false,
    matches: {},
    matchesError: null,
  })
  mockApi.on('GET', '/api/v1/policies', (r) =>
    r.url.includes('autoGrant=true') ? { body: page([view(vat)]) } : { body: page(catalogue) },
  )
  mockApi.on('GET', `/api/v1/enterprises/${ENTERPRISE}/policy-matches`, () => ({ body: matches }))
  mockApi.on('GET', '/api/v1/me/policy-push', () => ({ body: { frequency: 'instant' } }))
})

async function renderSignedIn() {
  useSession.getState().signedIn(loginResponse())
  render(<PolicyListScreen signedIn enterpriseId={ENTERPRISE} onOpen={noop} onCalculator={noop} />)
  await act(() => Promise.all([usePolicies.getState().loadCatalogue(), usePolicies.getState().loadMatches(ENTERPRISE)]))
}

test('my enterprise first: 可申报, then 差一点 naming what to fix, then the catalogue', async () => {
  await renderSignedIn()
  const links = screen.getAllByRole('link').map((l) => l.getAttribute('aria-label'))
  expect(links.slice(0, 3)).toEqual([
    '可申报：小微企业贷款贴息',
    '符合条件 · 免申即享：小规模纳税人免征增值税，无需申请，符合条件自动兑现',
    '差一点：高新技术企业认定奖励，补齐 1 项即可申报：企业资质：高新技术企业',
  ])
  expect(screen.getByText('补齐 1 项即可申报：企业资质：高新技术企业')).toBeTruthy()
  expect(links.slice(3)).toEqual([
    '小微企业贷款贴息，市级，正在申报',
    '小规模纳税人免征增值税，国家级，无需申请，符合条件自动兑现',
  ])
})

test('one label per policy: eligible outside its window is 符合条件 · 未到/已过申报期, never 可申报', async () => {
  mockApi.on('GET', `/api/v1/enterprises/${ENTERPRISE}/policy-matches`, () => ({
    body: {
      ...matches,
      eligible: [
        match({ policyId: 'p-closed', title: '已截止的贴息', openNow: false, window: 'closed' }),
        match({ policyId: 'p-later', title: '下月开始的奖励', openNow: false, window: 'not-yet' }),
      ],
      near: [{ ...nearMatch, openNow: false, window: 'closed' }],
    },
  }))
  await renderSignedIn()
  const links = screen.getAllByRole('link').map((l) => l.getAttribute('aria-label'))
  expect(links.slice(0, 3)).toEqual([
    '符合条件 · 已过申报期：已截止的贴息',
    '符合条件 · 未到申报期：下月开始的奖励',
    '差一点 · 已过申报期：高新技术企业认定奖励，补齐 1 项即可申报：企业资质：高新技术企业',
  ])
  const closed = screen.getByRole('link', { name: /^符合条件 · 已过申报期/ })
  expect(closed.textContent).not.toContain('可申报')
  expect(closed.textContent).not.toContain('不在申报期')
})

test('the enterprise’s own region by default, filters before the matches, 加载更多 pages on', async () => {
  mockApi.on('GET', `/api/v1/enterprises/${ENTERPRISE}/policy-matches`, () => ({
    body: { ...matches, profile: { ...matches.profile, regionCode: '411002' } },
  }))
  mockApi.on('GET', '/api/v1/regions', () => ({
    body: {
      path: [
        { code: '410000', name: '河南省' },
        { code: '411000', name: '许昌市' },
        { code: '411002', name: '魏都区' },
      ],
      children: [],
    },
  }))
  mockApi.on('GET', '/api/v1/policies', (r) =>
    r.url.includes('cursor=c1') ? { body: page([view(vat)], null, 2) } : { body: page([view(loan)], 'c1', 2) },
  )
  useSession.getState().signedIn(loginResponse())
  render(<PolicyListScreen signedIn enterpriseId={ENTERPRISE} onOpen={noop} onCalculator={noop} />)
  await act(() => usePolicies.getState().openFor(ENTERPRISE))
  expect(mockApi.calls.some((c) => c.method === 'GET' && c.url === '/api/v1/policies?region=411002')).toBe(true)
  expect(await screen.findByText('适用地区：河南省 许昌市 魏都区')).toBeTruthy()
  // The filters come before the first match card.
  const search = screen.getByRole('textbox', { name: '搜索政策' })
  const firstMatch = screen.getAllByRole('link')[0]
  expect(search.compareDocumentPosition(firstMatch) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
  expect(screen.getByText('共 2 项，已显示 1 项')).toBeTruthy()
  fireEvent.click(screen.getByRole('button', { name: '加载更多' }))
  await screen.findByText('共 2 项')
  expect(mockApi.calls.some((c) => c.url === '/api/v1/policies?region=411002&cursor=c1')).toBe(true)
  expect(screen.queryByRole('button', { name: '加载更多' })).toBeNull()
  // A region the user widens to stays: opening again does not reset it.
  fireEvent.click(screen.getByRole('button', { name: '不限地区（含外地政策）' }))
  await act(() => usePolicies.getState().openFor(ENTERPRISE))
  expect(usePolicies.getState().filter.region).toBeUndefined()
})

test('a 免申即享 filter asks the server and shows only what it returns', async () => {
  await renderSignedIn()
  fireEvent.click(screen.getByRole('button', { name: '免申即享：是' }))
  await waitFor(() => expect(screen.getByText('共 1 项')).toBeTruthy())
  expect(mockApi.calls.some((c) => c.method === 'GET' && c.url === '/api/v1/policies?autoGrant=true')).toBe(true)
  expect(screen.getByRole('button', { name: '免申即享：是（已选）' })).toBeTruthy()
})

test('search is sent once typing stops', async () => {
  await renderSignedIn()
  fireEvent.change(screen.getByRole('textbox', { name: '搜索政策' }), { target: { value: '贴息' } })
  await waitFor(() => expect(mockApi.calls.some((c) => c.url === '/api/v1/policies?q=%E8%B4%B4%E6%81%AF')).toBe(true))
})

test('signed out: the catalogue and the calculator, no matching and no push settings', async () => {
  useSession.getState().clear()
  const opened: string[] = []
  render(
    <PolicyListScreen signedIn={false} enterpriseId={null} onOpen={noop} onCalculator={() => opened.push('calc')} />,
  )
  await act(() => usePolicies.getState().loadCatalogue())
  expect(screen.getByText('登录并选择企业后，可为您的企业匹配可申报的政策')).toBeTruthy()
  expect(screen.getAllByRole('link')).toHaveLength(2)
  expect(screen.queryByText('新政策推送')).toBeNull()
  fireEvent.click(screen.getByRole('button', { name: '打开政策计算器' }))
  expect(opened).toEqual(['calc'])
})

test('an enterprise without saved facts is asked to fill them in', async () => {
  mockApi.on('GET', `/api/v1/enterprises/${ENTERPRISE}/policy-matches`, () => ({
    body: { enterpriseId: ENTERPRISE, profile: {}, eligible: [], near: [] },
  }))
  await renderSignedIn()
  expect(screen.getByText('还没有企业信息，无法匹配')).toBeTruthy()
  expect(screen.getByRole('button', { name: '填写企业信息' })).toBeTruthy()
})

test('a catalogue that fails to load says why and retries', async () => {
  mockApi.on('GET', '/api/v1/policies', () => ({
    status: 503,
    body: { code: 'INTERNAL', message: '服务器开小差了，请稍后再试' },
  }))
  await renderSignedIn()
  expect(screen.getByText('服务器开小差了，请稍后再试')).toBeTruthy()
  mockApi.on('GET', '/api/v1/policies', () => ({ body: page(catalogue) }))
  fireEvent.click(screen.getByRole('button', { name: '重试' }))
  await waitFor(() => expect(screen.getByText('共 2 项')).toBeTruthy())
})

test('push preference: weekly is saved; a refusal puts the old choice back and says so', async () => {
  mockApi.on('PUT', '/api/v1/me/policy-push', (r) => ({ body: r.json }))
  await renderSignedIn()
  await screen.findByRole('button', { name: '推送方式：发布即推送（已选）' })
  fireEvent.click(screen.getByRole('button', { name: '推送方式：每周汇总一次' }))
  await screen.findByRole('button', { name: '推送方式：每周汇总一次（已选）' })
  expect(mockApi.calls.find((c) => c.method === 'PUT')?.json).toEqual({ frequency: 'weekly' })

  mockApi.on('PUT', '/api/v1/me/policy-push', () => ({
    status: 503,
    body: { code: 'INTERNAL', message: '服务暂不可用' },
  }))
  fireEvent.click(screen.getByRole('button', { name: '推送方式：发布即推送' }))
  expect((await screen.findByRole('alert')).textContent).toBe('推送方式未保存：服务暂不可用')
  expect(screen.getByRole('button', { name: '推送方式：每周汇总一次（已选）' })).toBeTruthy()
})

test('工作台 card lists only the eligible 免申即享 policies', async () => {
  await act(() => useAutoBenefits.getState().load(ENTERPRISE))
  const opened: string[] = []
  render(<AutoBenefitCard enterpriseId={ENTERPRISE} onOpen={(id) => opened.push(id)} />)
  const card = screen.getByText('免申即享').parentElement!.parentElement!
  expect(
    within(card)
      .getAllByRole('link')
      .map((l) => l.getAttribute('aria-label')),
  ).toEqual(['免申即享：小规模纳税人免征增值税'])
  fireEvent.click(screen.getByRole('link', { name: '免申即享：小规模纳税人免征增值税' }))
  expect(opened).toEqual(['p-vat'])
})
