import { act, fireEvent, render, screen, within } from '@testing-library/react'
import type { SealReportView } from '../../src/contract/esign/schemas'
import { createFakeApi } from '../setup/fake-api'
import { loginResponse } from './fixtures'

const mockApi = createFakeApi()
jest.mock('../../src/platform/request', () => ({ taroTransport: (r: any) => mockApi.transport(r) }))

import { SealReportsScreen } from '../../src/features/seals/SealReportsScreen'
import { useSession } from '../../src/core/session'
import { useEnterpriseContext } from '../../src/core/enterpriseContext'

const ENTERPRISE = 'e0000000-0000-4000-8000-000000000001'
const listPath = `/api/v1/enterprises/${ENTERPRISE}/seal-reports`

const MARCH: SealReportView = {
  month: '2026-03',
  previousMonth: '2026-02',
  enterpriseName: '许昌瑞丰食品有限公司',
  uses: 3,
  previousUses: 1,
  refused: 1,
  previousRefused: 0,
  bySeal: [
    { key: 's1', label: '许昌瑞丰食品有限公司合同专用章', count: 2, previous: 1 },
    { key: 's2', label: '许昌瑞丰食品有限公司财务专用章', count: 0, previous: 2 },
  ],
  byHandler: [
    { key: 'u1', label: '王*', count: 2, previous: 1 },
    { key: 'u2', label: '张*国', count: 1, previous: 1 },
  ],
  bySystem: [{ key: 'y1', label: '许昌市合同管理平台', count: 3, previous: 1 }],
  refusedByReason: [],
  createdAt: '2026-04-01T01:30:00.000Z',
}

beforeEach(() => {
  mockApi.calls.length = 0
  useSession.getState().signedIn(loginResponse())
})

test('the months are listed; opening one shows its tables, each announced with headers and a row per line', async () => {
  mockApi.on('GET', listPath, () => ({
    body: {
      items: [
        { month: '2026-03', uses: 3, previousUses: 1, refused: 1, createdAt: '2026-04-01T01:30:00.000Z' },
        { month: '2026-02', uses: 1, previousUses: 0, refused: 0, createdAt: '2026-03-01T01:30:00.000Z' },
      ],
    },
  }))
  mockApi.on('GET', `${listPath}/2026-03`, () => ({ body: MARCH }))
  render(<SealReportsScreen enterpriseId={ENTERPRISE} />)
  const march = await screen.findByRole('button', { name: '2026年3月用章报告，用章3次，未通过1次' })
  expect(screen.getByRole('button', { name: '2026年2月用章报告，用章1次，未通过0次' })).toBeTruthy()

  await act(async () => fireEvent.click(march))
  expect(await screen.findByText('2026年3月用章报告')).toBeTruthy()
  expect(screen.getByText('用章 3 次（2026年2月 1 次）')).toBeTruthy()
  expect(screen.getByText('未通过的尝试 1 次（2026年2月 0 次）')).toBeTruthy()

  const seals = screen.getByRole('table', { name: '各印章用章次数' })
  expect(
    within(seals)
      .getAllByRole('columnheader')
      .map((h) => h.textContent),
  ).toEqual(['印章', '本月', '上月', '变化'])
  const rows = within(seals).getAllByRole('row').slice(1)
  expect(
    rows.map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ),
  ).toEqual([
    ['2', '1', '+1'],
    ['0', '2', '−2'],
  ])
  expect(within(rows[1]).getByRole('rowheader').textContent).toBe('许昌瑞丰食品有限公司财务专用章')

  const handlers = screen.getByRole('table', { name: '各经办人用章次数' })
  expect(within(handlers).getByText('王*')).toBeTruthy()
  expect(within(handlers).getAllByRole('row')[2].textContent).toContain('持平')
  expect(screen.getByRole('table', { name: '各文件系统用章次数' }).textContent).toContain('许昌市合同管理平台')
  expect(screen.getByRole('table', { name: '未通过的尝试（按原因）' }).textContent).toContain('本月无未通过的尝试')

  await act(async () => fireEvent.click(screen.getByRole('button', { name: '全部月份' })))
  expect(await screen.findByRole('button', { name: '2026年3月用章报告，用章3次，未通过1次' })).toBeTruthy()
})

test('opened from a notice with a month: that month at once', async () => {
  mockApi.on('GET', listPath, () => ({ body: { items: [] } }))
  mockApi.on('GET', `${listPath}/2026-03`, () => ({ body: MARCH }))
  render(<SealReportsScreen enterpriseId={ENTERPRISE} month='2026-03' />)
  expect(await screen.findByText('2026年3月用章报告')).toBeTruthy()
  expect(mockApi.calls.some((call) => call.url.endsWith('/seal-reports/2026-03'))).toBe(true)
})

test('no report yet: says when the first one comes', async () => {
  mockApi.on('GET', listPath, () => ({ body: { items: [] } }))
  render(<SealReportsScreen enterpriseId={ENTERPRISE} />)
  expect(await screen.findByText('暂无用章报告')).toBeTruthy()
  expect(screen.getByText('领取印章后，每月1日会生成上月的用章报告')).toBeTruthy()
})

test('an agent is told only the legal representative reads the reports, with no 重试', async () => {
  useEnterpriseContext.setState({
    enterprises: [{ id: ENTERPRISE, name: '许昌瑞丰食品有限公司', uscc: '91411002MA3X7R2K06', role: 'agent' }],
    currentId: ENTERPRISE,
    status: 'ready',
  })
  mockApi.on('GET', listPath, () => ({
    status: 403,
    body: { code: 'ENTERPRISE_FORBIDDEN', message: '无权查看' },
  }))
  render(<SealReportsScreen enterpriseId={ENTERPRISE} />)
  expect(await screen.findByText('用章报告仅企业法定代表人可查看，您在该企业的身份是代办。')).toBeTruthy()
  expect(screen.queryByRole('button', { name: '重试' })).toBeNull()
})
