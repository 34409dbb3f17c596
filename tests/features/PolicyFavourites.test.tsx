import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { createFakeApi } from '../setup/fake-api'
import { loginResponse } from './fixtures'
import { ENTERPRISE, policy, view, page } from './PolicyFixtures'

const mockApi = createFakeApi()
jest.mock('../../src/platform/request', () => ({ taroTransport: (r: any) => mockApi.transport(r) }))

import { PolicyListScreen } from '../../src/features/policies/PolicyListScreen'
import { usePolicies } from '../../src/features/policies/policiesStore'
import { useSession } from '../../src/core/session'

const loan = policy()
const vat = policy({ id: 'p-vat', title: '小规模纳税人免征增值税', level: 'national', autoGrant: true })
const FAVOURITES = '/api/v1/me/policy-favourites'
let saved: string[]

beforeEach(() => {
  mockApi.calls.length = 0
  saved = ['p-vat']
  usePolicies.setState({
    filter: {},
    catalogue: null,
    catalogueError: null,
    catalogueLoading: false,
    matches: {},
    matchesError: null,
    listView: 'all',
    favourites: null,
    favouritesError: null,
    favouritesLoading: false,
  })
  mockApi.on('GET', '/api/v1/policies', () => ({ body: page([view(loan), view(vat)]) }))
  mockApi.on('GET', `/api/v1/enterprises/${ENTERPRISE}/policy-matches`, () => ({
    body: { enterpriseId: ENTERPRISE, profile: {}, eligible: [], near: [] },
  }))
  mockApi.on('GET', '/api/v1/me/policy-push', () => ({ body: { frequency: 'instant' } }))
  mockApi.on('GET', FAVOURITES, () => ({
    body: [loan, vat].filter((p) => saved.includes(p.id)).map((p) => view(p, { favourite: true })),
  }))
  mockApi.on('PUT', `${FAVOURITES}/p-1`, () => {
    saved.push('p-1')
    return { status: 204 }
  })
  mockApi.on('DELETE', `${FAVOURITES}/p-vat`, () => {
    saved = saved.filter((id) => id !== 'p-vat')
    return { status: 204 }
  })
})

async function renderSignedIn(onOpen: (id: string) => void = () => undefined) {
  useSession.getState().signedIn(loginResponse())
  render(<PolicyListScreen signedIn enterpriseId={ENTERPRISE} onOpen={onOpen} onCalculator={() => undefined} />)
  await act(() => usePolicies.getState().loadCatalogue())
}

const policyLinks = () => screen.getAllByRole('link').map((l) => l.getAttribute('aria-label'))

test('我的收藏 shows only the saved policies, and opens them', async () => {
  const opened: string[] = []
  await renderSignedIn((id) => opened.push(id))
  expect(policyLinks()).toHaveLength(2)
  fireEvent.click(screen.getByRole('button', { name: '查看：我的收藏' }))
  await screen.findByText('共 1 项')
  expect(policyLinks()).toEqual(['小规模纳税人免征增值税，国家级，无需申请，符合条件自动兑现'])
  expect(screen.getByRole('button', { name: '查看：我的收藏（已选）' })).toBeTruthy()
  fireEvent.click(screen.getByRole('link', { name: /^小规模纳税人免征增值税/ }))
  expect(opened).toEqual(['p-vat'])

  fireEvent.click(screen.getByRole('button', { name: '查看：全部政策' }))
  expect(screen.getByText('共 2 项')).toBeTruthy()
})

test('saving or unsaving a policy (as the detail page does) is reflected in 我的收藏', async () => {
  await renderSignedIn()
  fireEvent.click(screen.getByRole('button', { name: '查看：我的收藏' }))
  await screen.findByText('共 1 项')
  await act(() => usePolicies.getState().setFavourite('p-1', true))
  await waitFor(() => expect(screen.getByText('共 2 项')).toBeTruthy())
  await act(() => usePolicies.getState().setFavourite('p-vat', false))
  await waitFor(() => expect(policyLinks()).toEqual(['小微企业贷款贴息，市级，正在申报']))
})

test('nothing saved yet: says how to save one', async () => {
  saved = []
  await renderSignedIn()
  fireEvent.click(screen.getByRole('button', { name: '查看：我的收藏' }))
  expect(await screen.findByText('还没有收藏的政策')).toBeTruthy()
  expect(screen.getByText('打开政策详情点「收藏」，就能在这里找到（已撤回的政策不再显示）')).toBeTruthy()
})

test('a list that fails to load says why and retries', async () => {
  mockApi.on('GET', FAVOURITES, () => ({
    status: 503,
    body: { code: 'INTERNAL', message: '服务器开小差了，请稍后再试' },
  }))
  await renderSignedIn()
  fireEvent.click(screen.getByRole('button', { name: '查看：我的收藏' }))
  expect(await screen.findByText('服务器开小差了，请稍后再试')).toBeTruthy()
  mockApi.on('GET', FAVOURITES, () => ({ body: [view(vat, { favourite: true })] }))
  fireEvent.click(screen.getByRole('button', { name: '重试' }))
  expect(await screen.findByText('共 1 项')).toBeTruthy()
})

test('signed out there is nothing to choose between: the catalogue only', async () => {
  useSession.getState().clear()
  render(
    <PolicyListScreen signedIn={false} enterpriseId={null} onOpen={() => undefined} onCalculator={() => undefined} />,
  )
  await act(() => usePolicies.getState().loadCatalogue())
  expect(screen.queryByRole('button', { name: '查看：我的收藏' })).toBeNull()
  expect(screen.getByText('共 2 项')).toBeTruthy()
  expect(mockApi.calls.some((c) => c.url === FAVOURITES)).toBe(false)
})
