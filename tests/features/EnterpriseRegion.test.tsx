import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { EnterpriseProfile } from '../../src/contract/account/schemas'
import { createFakeApi } from '../setup/fake-api'
import { enterprises, loginResponse } from './fixtures'

const mockApi = createFakeApi()
jest.mock('../../src/platform/request', () => ({ taroTransport: (r: any) => mockApi.transport(r) }))

import { EnterpriseProfileScreen } from '../../src/features/enterprise/EnterpriseProfileScreen'
import { useEnterpriseContext } from '../../src/core/enterpriseContext'
import { useSession } from '../../src/core/session'

const ENTERPRISE = enterprises[0].id
const henan = { code: '410000', name: '河南省' }
const xuchang = { code: '411000', name: '许昌市' }
const weidu = { code: '411002', name: '魏都区' }
const jianan = { code: '411003', name: '建安区' }

function profile(over: Partial<EnterpriseProfile> = {}): EnterpriseProfile {
  return {
    ...enterprises[0],
    legalRepresentative: '张建国',
    industryCode: 'C1432',
    industryName: '速冻食品制造',
    address: '河南省许昌市魏都区建设路 1 号',
    region: '411002',
    regionPath: [henan, xuchang, weidu],
    registeredCapitalWan: 100,
    foundedOn: '2020-01-01',
    employees: 50,
    ...over,
  }
}

const puts = () => mockApi.calls.filter((c) => c.method === 'PUT')

beforeEach(() => {
  mockApi.calls.length = 0
  useSession.getState().signedIn(loginResponse())
  useEnterpriseContext.setState({ enterprises, currentId: ENTERPRISE, status: 'ready', error: null })
  mockApi.on('GET', '/api/v1/regions', (r) => {
    const code = /code=(\d{6})/.exec(r.url)?.[1]
    if (!code) return { body: { path: [], children: [henan] } }
    if (code === '410000') return { body: { path: [henan], children: [xuchang] } }
    if (code === '411000') return { body: { path: [henan, xuchang], children: [weidu, jianan] } }
    return { body: { path: [henan, xuchang, code === '411003' ? jianan : weidu], children: [] } }
  })
})

test('an agent sees the region as names, never the code, and no way to change it', async () => {
  mockApi.on('GET', `/api/v1/enterprises/${ENTERPRISE}`, () => ({ body: profile({ role: 'agent' }) }))
  render(<EnterpriseProfileScreen />)
  expect(await screen.findByText('河南省 · 许昌市 · 魏都区')).toBeTruthy()
  expect(screen.queryByText('411002')).toBeNull()
  expect(screen.queryByRole('button', { name: '更改所在地区' })).toBeNull()
})

test('a record the table does not know shows the stored text', async () => {
  mockApi.on('GET', `/api/v1/enterprises/${ENTERPRISE}`, () => ({
    body: profile({ role: 'agent', region: '某开发区', regionPath: [] }),
  }))
  render(<EnterpriseProfileScreen />)
  expect(await screen.findByText('某开发区')).toBeTruthy()
})

test('the legal representative corrects the region 省 → 市 → 区县 and the profile shows the new names', async () => {
  mockApi.on('GET', `/api/v1/enterprises/${ENTERPRISE}`, () => ({ body: profile() }))
  mockApi.on('PUT', `/api/v1/enterprises/${ENTERPRISE}/region`, (r) => ({
    body: profile({ region: r.json.regionCode, regionPath: [henan, xuchang, jianan] }),
  }))
  render(<EnterpriseProfileScreen />)
  expect(await screen.findByText('所在地区：河南省 许昌市 魏都区')).toBeTruthy()
  fireEvent.click(screen.getByRole('button', { name: '更改所在地区' }))
  fireEvent.click(await screen.findByRole('button', { name: '建安区' }))
  expect(await screen.findByText('所在地区已更新')).toBeTruthy()
  expect(puts().map((c) => c.json)).toEqual([{ regionCode: '411003' }])
  expect(await screen.findByText('所在地区：河南省 许昌市 建安区')).toBeTruthy()
})

test('a refused correction says why and the picker shows the stored region again', async () => {
  mockApi.on('GET', `/api/v1/enterprises/${ENTERPRISE}`, () => ({ body: profile() }))
  mockApi.on('PUT', `/api/v1/enterprises/${ENTERPRISE}/region`, () => ({
    status: 403,
    body: { code: 'ENTERPRISE_FORBIDDEN', message: '您在该企业的身份无权修改企业档案' },
  }))
  render(<EnterpriseProfileScreen />)
  fireEvent.click(await screen.findByRole('button', { name: '更改所在地区' }))
  fireEvent.click(await screen.findByRole('button', { name: '建安区' }))
  expect(await screen.findByText(/无权修改企业档案/)).toBeTruthy()
  await waitFor(() => expect(screen.getByText('所在地区：河南省 许昌市 魏都区')).toBeTruthy())
})
