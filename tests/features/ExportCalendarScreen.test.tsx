import { act, fireEvent, render, screen } from '@testing-library/react'
import { createFakeApi } from '../setup/fake-api'
import { loginResponse } from './fixtures'
import { licence, listOf } from './licenceFixtures'

const mockApi = createFakeApi()
jest.mock('../../src/platform/request', () => ({ taroTransport: (r: any) => mockApi.transport(r) }))
const mockSave = jest.fn()
jest.mock('../../src/platform/files', () => ({ saveTextFile: (...args: unknown[]) => mockSave(...args) }))

import { ExportCalendarScreen } from '../../src/features/licences/ExportCalendarScreen'
import { useSession } from '../../src/core/session'

const ENTERPRISE = 'e0000000-0000-4000-8000-000000000001'

beforeEach(() => {
  mockSave.mockReset().mockResolvedValue({ via: 'download' })
  useSession.getState().signedIn(loginResponse())
})

test('exports the live licences as .ics from the tap, the expired and cancelled left out', async () => {
  mockApi.on('GET', `/api/v1/enterprises/${ENTERPRISE}/licences`, () => ({
    body: listOf([
      licence({ id: 'a', typeName: '食品生产许可证', status: 'urgent', number: 'SC1064110' }),
      licence({ id: 'b', typeName: '公共场所卫生许可证', status: 'expired', number: 'WS-OLD' }),
      licence({ id: 'c', typeName: '排污许可证', status: 'cancelled', number: 'PW-GONE' }),
    ]),
  }))
  render(<ExportCalendarScreen enterpriseId={ENTERPRISE} />)
  expect(await screen.findByText('共 1 张有效证照，每张一条「续期申请截止」日程。')).toBeTruthy()

  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '生成日历文件' }))
  })
  expect(mockSave).toHaveBeenCalledTimes(1)
  const [fileName, ics, mimeType] = mockSave.mock.calls[0]
  expect(fileName).toBe('zhengqitong-licences.ics')
  expect(mimeType).toBe('text/calendar;charset=utf-8')
  expect(ics).toContain('BEGIN:VCALENDAR')
  expect(ics).toContain('SC1064110')
  expect(ics).not.toContain('WS-OLD')
  expect(ics).not.toContain('PW-GONE')
})

test('says so when nothing is left to export', async () => {
  mockApi.on('GET', `/api/v1/enterprises/${ENTERPRISE}/licences`, () => ({
    body: listOf([licence({ id: 'b', typeName: '公共场所卫生许可证', status: 'expired' })]),
  }))
  render(<ExportCalendarScreen enterpriseId={ENTERPRISE} />)
  expect(await screen.findByText('没有可导出的有效证照')).toBeTruthy()
  expect(mockSave).not.toHaveBeenCalled()
})
