import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { createFakeApi } from '../setup/fake-api'
import { loginResponse } from './fixtures'
import { ENTERPRISE, match, nearMatch, policy, view } from './PolicyFixtures'

const mockApi = createFakeApi()
jest.mock('../../src/platform/request', () => ({ taroTransport: (r: any) => mockApi.transport(r) }))
const mockCopy = jest.fn(async (_path: string) => undefined)
jest.mock('../../src/platform/share', () => ({
  shareToChatAvailable: false,
  copyShareLink: (path: string) => mockCopy(path),
}))

import { judgedEnterprise } from '../../src/features/policies/judgedEnterprise'
import { PolicyDetailScreen } from '../../src/features/policies/PolicyDetailScreen'
import { useSession } from '../../src/core/session'

// 12 days after the pinned today (tests/setup/pinned-clock.ts), whatever day the suite runs on.
const closesOn = '2026-03-22'
const award = policy({
  id: 'p-near',
  title: '高新技术企业认定奖励',
  applicationWindow: { closesOn },
  materials: ['高新技术企业证书'],
})
const facts = { industryCode: 'C1432', employees: 86 }

beforeEach(() => {
  mockApi.calls.length = 0
  mockCopy.mockClear()
  useSession.getState().signedIn(loginResponse())
  mockApi.on('GET', '/api/v1/policies/p-near', () => ({ body: view(award) }))
  mockApi.on('GET', `/api/v1/enterprises/${ENTERPRISE}/profile-facts`, () => ({
    body: { enterpriseId: ENTERPRISE, profile: facts, updatedAt: null },
  }))
  mockApi.on('POST', '/api/v1/policy-calculator', () => ({ body: { results: [nearMatch] } }))
})

function renderDetail(enterpriseId: string | null = ENTERPRISE) {
  render(
    <PolicyDetailScreen
      policyId='p-near'
      signedIn
      enterpriseId={enterpriseId}
      sharePath='/packages/policies/pages/detail/index?id=p-near'
      onCalculator={() => undefined}
    />,
  )
}

test('every condition is judged for my enterprise with the fact it used, and what is missing is named', async () => {
  renderDetail()
  await screen.findByText('本企业：差一点')
  expect(screen.getByText('补齐 1 项即可申报：企业资质：高新技术企业')).toBeTruthy()
  expect(screen.getByLabelText('行业：制造业（C）：已满足，C1432（属食品制造业）').textContent).toContain('✓ 已满足')
  expect(screen.getByLabelText('企业资质：高新技术企业：待补充，待补充：企业资质').textContent).toContain('? 待补充')
  const asked = mockApi.calls.find((c) => c.method === 'POST')
  expect(asked?.json).toEqual({ profile: facts, policyIds: ['p-near'] })
})

test('an unmet condition is marked ✗ 不满足', async () => {
  mockApi.on('POST', '/api/v1/policy-calculator', () => ({
    body: {
      results: [
        match({
          policyId: 'p-near',
          title: '高新技术企业认定奖励',
          verdict: 'ineligible',
          verdictLabel: '不符合',
          fixesNeeded: 3,
          conditions: [{ id: 'region', label: '注册地：衢州市', outcome: 'unmet', fact: '注册地 411002，不在衢州市' }],
        }),
      ],
    },
  }))
  renderDetail()
  await screen.findByText('本企业：不符合')
  expect(screen.getByLabelText('注册地：衢州市：不满足，注册地 411002，不在衢州市').textContent).toContain('✗ 不满足')
})

test('benefit, materials, how to apply and the days left to apply', async () => {
  renderDetail()
  await screen.findByText('高新技术企业认定奖励')
  expect(screen.getByText('申报截止 2026-03-22，还剩 12 天')).toBeTruthy()
  expect(screen.getByText('贷款贴息 · 最高 50 万元')).toBeTruthy()
  expect(screen.getByText('· 高新技术企业证书')).toBeTruthy()
  expect(screen.getByText('登录政企通在线申报')).toBeTruthy()
})

test('favourite toggles on the server; a refusal is explained', async () => {
  mockApi.on('PUT', '/api/v1/me/policy-favourites/p-near', () => ({ status: 204 }))
  renderDetail()
  fireEvent.click(await screen.findByRole('button', { name: '收藏' }))
  await screen.findByRole('button', { name: '已收藏，点击取消收藏' })
  mockApi.on('DELETE', '/api/v1/me/policy-favourites/p-near', () => ({
    status: 503,
    body: { code: 'INTERNAL', message: '服务暂不可用' },
  }))
  fireEvent.click(screen.getByRole('button', { name: '已收藏，点击取消收藏' }))
  expect((await screen.findByRole('alert')).textContent).toBe('服务暂不可用')
  expect(screen.getByRole('button', { name: '已收藏，点击取消收藏' })).toBeTruthy()
})

test('on H5 (no chat to share to) the link is copied instead', async () => {
  renderDetail()
  fireEvent.click(await screen.findByRole('button', { name: '复制链接' }))
  await waitFor(() => expect(mockCopy).toHaveBeenCalledWith('/packages/policies/pages/detail/index?id=p-near'))
})

test('without an enterprise the conditions are listed without verdicts', async () => {
  renderDetail(null)
  await screen.findByText('申报条件')
  await screen.findByText('· 行业：制造业（C）')
  expect(screen.queryByText(/✓|待补充/)).toBeNull()
  expect(mockApi.calls.find((c) => c.method === 'POST')?.json).toEqual({ profile: {}, policyIds: ['p-near'] })
})

test('no verdict from the calculator says so instead of judging forever', async () => {
  mockApi.on('POST', '/api/v1/policy-calculator', () => ({ body: { results: [] } }))
  renderDetail()
  expect((await screen.findByRole('alert')).textContent).toBe('暂无逐条判断结果：该政策可能已撤回或不在测算范围内')
  expect(screen.queryByText('正在逐条判断…')).toBeNull()
})

test('a withdrawn policy says so, with a retry', async () => {
  mockApi.on('GET', '/api/v1/policies/p-near', () => ({
    status: 404,
    body: { code: 'POLICY_NOT_FOUND', message: '政策不存在或已下架' },
  }))
  renderDetail()
  expect((await screen.findByRole('alert')).textContent).toContain('政策不存在或已下架')
  expect(screen.getByRole('button', { name: '重试' })).toBeTruthy()
})

test('the verdict names the enterprise judged, and a message about another enterprise the user acts for judges that one', async () => {
  const enterprises = [
    { id: ENTERPRISE, name: '许昌瑞丰食品有限公司', uscc: '91411000MA00000001', role: 'legal_representative' as const },
    { id: 'ent-jianfeng', name: '许昌建丰钢结构工程有限公司', uscc: '91411000MA00000002', role: 'agent' as const },
  ]
  const judged = judgedEnterprise(true, enterprises, ENTERPRISE, 'ent-jianfeng')
  expect(judged).toEqual({
    enterprise: { id: 'ent-jianfeng', name: '许昌建丰钢结构工程有限公司' },
    askedUnavailable: false,
  })
  expect(judgedEnterprise(true, enterprises, ENTERPRISE, 'ent-stranger')).toEqual({
    enterprise: { id: ENTERPRISE, name: '许昌瑞丰食品有限公司' },
    askedUnavailable: true,
  })
  expect(judgedEnterprise(false, enterprises, ENTERPRISE, 'ent-jianfeng').enterprise).toBeNull()

  mockApi.on('GET', '/api/v1/enterprises/ent-jianfeng/profile-facts', () => ({
    body: { enterpriseId: 'ent-jianfeng', profile: { industryCode: 'C3311' }, updatedAt: null },
  }))
  mockApi.on('POST', '/api/v1/policy-calculator', () => ({
    body: { results: [match({ policyId: 'p-near', title: '高新技术企业认定奖励' })] },
  }))
  render(
    <PolicyDetailScreen
      policyId='p-near'
      signedIn
      enterpriseId={judged.enterprise!.id}
      enterpriseName={judged.enterprise!.name}
      sharePath='/packages/policies/pages/detail/index?id=p-near'
      onCalculator={() => undefined}
    />,
  )
  await screen.findByText('许昌建丰钢结构工程有限公司：可申报')
  expect(mockApi.calls.find((c) => c.method === 'POST')?.json).toEqual({
    profile: { industryCode: 'C3311' },
    policyIds: ['p-near'],
  })
})
