import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { LicenceTypeView } from '../../src/contract/licences/schemas'
import { createFakeApi } from '../setup/fake-api'
import { loginResponse } from './fixtures'
import { licence } from './licenceFixtures'

const mockApi = createFakeApi()
jest.mock('../../src/platform/request', () => ({ taroTransport: (r: any) => mockApi.transport(r) }))

import { LicenceForm } from '../../src/features/licences/LicenceForm'
import { useLicenceTypes } from '../../src/features/licences/typesStore'
import { useSession } from '../../src/core/session'

const ENTERPRISE = 'e0000000-0000-4000-8000-000000000001'
const foodProduction: LicenceTypeView = {
  code: 'food-production',
  name: '食品生产许可证',
  authorityLabel: '市场监督管理部门',
  validityYears: 5,
  leadRuleText: '有效期届满30个工作日前',
  procedureLabel: '延续',
  materials: ['食品生产许可延续申请书'],
  applyAt: '政务服务网',
  source: '食品生产许可管理办法 第三十二条',
}

beforeEach(() => {
  mockApi.calls.length = 0
  useSession.getState().signedIn(loginResponse())
  useLicenceTypes.setState({ types: [foodProduction], error: null })
})

function fill(label: RegExp, value: string) {
  fireEvent.change(screen.getByRole('textbox', { name: label }), { target: { value } })
}

function fillValid() {
  fireEvent.change(screen.getByRole('textbox', { name: '搜索证照类型' }), { target: { value: '食品' } })
  fireEvent.click(screen.getByRole('option', { name: '选择食品生产许可证' }))
  fill(/^证照编号$/, 'SC10641100200123')
  fill(/^发证日期$/, '2022-01-10')
  fill(/^有效期至$/, '2027-01-09')
}

test('picking a type fills in its usual issuing authority', () => {
  render(<LicenceForm enterpriseId={ENTERPRISE} onSaved={() => undefined} />)
  fillValid()
  expect((screen.getByRole('textbox', { name: '发证机关' }) as HTMLInputElement).value).toBe('市场监督管理部门')
})

test('explains every problem in Chinese and sends nothing', () => {
  render(<LicenceForm enterpriseId={ENTERPRISE} onSaved={() => undefined} />)
  fill(/^发证日期$/, '2026-05-01')
  fill(/^有效期至$/, '2026-04-01')
  fireEvent.click(screen.getByRole('button', { name: '保存证照' }))
  expect(screen.getByText('请选择证照类型')).toBeTruthy()
  expect(screen.getByText('请填写证照编号')).toBeTruthy()
  expect(screen.getByText('有效期截止日期应晚于发证日期')).toBeTruthy()
  expect(mockApi.calls).toHaveLength(0)
})

test('a retry after a failed save carries the same idempotency key, so the server adds it once', async () => {
  let attempt = 0
  mockApi.on('POST', `/api/v1/enterprises/${ENTERPRISE}/licences`, () => {
    attempt += 1
    return attempt === 1
      ? { status: 503, body: { code: 'INTERNAL', message: '服务器开小差了，请稍后再试' } }
      : { status: 201, body: licence({ id: 'new', typeName: '食品生产许可证', status: 'valid' }) }
  })
  const saved: string[] = []
  render(<LicenceForm enterpriseId={ENTERPRISE} onSaved={(l) => saved.push(l.id)} />)
  fillValid()
  fireEvent.click(screen.getByRole('button', { name: '保存证照' }))
  expect((await screen.findByRole('alert')).textContent).toBe('服务器开小差了，请稍后再试')
  fireEvent.click(screen.getByRole('button', { name: '保存证照' }))
  await waitFor(() => expect(saved).toEqual(['new']))
  const keys = mockApi.calls.map((c) => c.headers['Idempotency-Key'] ?? c.headers['idempotency-key'])
  expect(keys).toHaveLength(2)
  expect(keys[0]).toBeTruthy()
  expect(keys[1]).toBe(keys[0])
})

test('a duplicate number is refused with the server’s message', async () => {
  mockApi.on('POST', `/api/v1/enterprises/${ENTERPRISE}/licences`, () => ({
    status: 409,
    body: { code: 'LICENCE_DUPLICATE', message: '该企业已登记过相同编号的此类证照' },
  }))
  render(<LicenceForm enterpriseId={ENTERPRISE} onSaved={() => undefined} />)
  fillValid()
  fireEvent.click(screen.getByRole('button', { name: '保存证照' }))
  expect((await screen.findByRole('alert')).textContent).toBe('该企业已登记过相同编号的此类证照')
})

test('saving an edit, even unchanged, sends only the facts a user may correct', async () => {
  const existing = licence({ id: 'l1', typeName: '食品生产许可证', status: 'valid', number: 'SC10641100200123' })
  mockApi.on('PUT', '/api/v1/licences/l1', () => ({ body: existing }))
  const saved: string[] = []
  render(<LicenceForm enterpriseId={ENTERPRISE} existing={existing} onSaved={(l) => saved.push(l.id)} />)
  fireEvent.click(screen.getByRole('button', { name: '保存证照' }))
  await waitFor(() => expect(saved).toEqual(['l1']))
  expect(mockApi.calls[0].json).toEqual({
    typeCode: 'food-production',
    number: 'SC10641100200123',
    authority: '许昌市市场监督管理局',
    issuedOn: '2022-01-10',
    expiresOn: '2027-01-09',
    scope: null,
  })
})

test('a refusal that names a request field is not shown with that field', async () => {
  const existing = licence({ id: 'l1', typeName: '食品生产许可证', status: 'valid' })
  mockApi.on('PUT', '/api/v1/licences/l1', () => ({
    status: 400,
    body: {
      code: 'VALIDATION_FAILED',
      message: '请求参数有误：不支持的字段 id',
      details: [{ field: 'id', message: '不支持的字段 id' }],
    },
  }))
  render(<LicenceForm enterpriseId={ENTERPRISE} existing={existing} onSaved={() => undefined} />)
  fireEvent.click(screen.getByRole('button', { name: '保存证照' }))
  expect((await screen.findByRole('alert')).textContent).toBe('提交的信息有误，请检查后重试')
})

test('the type search results are a named listbox of options, reached by Tab and chosen with Enter', async () => {
  const { installKeyboardAccess } = await import('../../src/platform/keyboard')
  const uninstall = installKeyboardAccess()
  try {
    render(<LicenceForm enterpriseId={ENTERPRISE} onSaved={() => undefined} />)
    expect(screen.queryByRole('listbox')).toBeNull()
    fireEvent.change(screen.getByRole('textbox', { name: '搜索证照类型' }), { target: { value: '食品' } })
    const list = screen.getByRole('listbox', { name: '证照类型搜索结果' })
    const option = screen.getByRole('option', { name: '选择食品生产许可证' })
    expect(list.contains(option)).toBe(true)
    expect(option.getAttribute('aria-selected')).toBe('false')
    await waitFor(() => expect(option.tabIndex).toBe(0))
    option.focus()
    fireEvent.keyDown(option, { key: 'Enter' })
    expect(screen.getByText('食品生产许可证')).toBeTruthy()
    expect(screen.queryByRole('listbox')).toBeNull()
    expect((screen.getByRole('textbox', { name: '发证机关' }) as HTMLInputElement).value).toBe('市场监督管理部门')
  } finally {
    uninstall()
  }
})
