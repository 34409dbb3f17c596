import { render, screen } from '@testing-library/react'
import { readVerificationLink } from '../../src/features/signing/verificationLink'
import { createFakeApi } from '../setup/fake-api'

const mockApi = createFakeApi()
jest.mock('../../src/platform/request', () => ({ taroTransport: (r: any) => mockApi.transport(r) }))
let mockParams: Record<string, string | undefined> = {}
jest.mock('../../src/platform/lifecycle', () => ({
  ...jest.requireActual('../../src/platform/lifecycle'),
  usePageParams: () => mockParams,
}))

import VerifyPage from '../../src/packages/seals/pages/verify/index'

const RECORD_ID = '0f8e6a52-1c7b-4d0e-9b3a-2f1e4c5d6a7b'
const SM3 = 'ab'.repeat(32)
const RECORD_JSON = JSON.stringify({ tbs: 'dGJz', signature: 'c2ln', signerPublicKey: 'PEM' })

beforeEach(() => {
  mockApi.calls.length = 0
  mockParams = {}
})

test('a link as signing makes it, or an older one with the record itself, is read as before', () => {
  expect(readVerificationLink({})).toEqual({ broken: false })
  expect(readVerificationLink({ record: RECORD_ID, hash: SM3 })).toEqual({
    recordId: RECORD_ID,
    hash: SM3,
    broken: false,
  })
  expect(readVerificationLink({ record: RECORD_ID, hash: SM3.toUpperCase() })).toMatchObject({ hash: SM3 })
  expect(readVerificationLink({ record: encodeURIComponent(RECORD_JSON), sm3: SM3 })).toEqual({
    record: RECORD_JSON,
    sm3: SM3,
    broken: false,
  })
})

test('a link the server could not pass on (marked e=broken by /verify) is broken', () => {
  expect(readVerificationLink({ e: 'broken' })).toEqual({ broken: true })
})

test.each([
  ['a record id cut short', { record: RECORD_ID.slice(0, 30), hash: SM3 }],
  ['a hash cut short', { record: RECORD_ID, hash: SM3.slice(0, 40) }],
  ['no hash', { record: RECORD_ID }],
  ['a hash without a record', { hash: SM3 }],
  ['a record that is neither an id nor a signature record', { record: '%7B%22tbs%22%3A' }],
  ['an empty record with a hash', { record: '', hash: SM3 }],
])('%s is a broken link', (_name, params) => {
  expect(readVerificationLink(params).broken).toBe(true)
})

test('a broken link says so and offers verifying by choosing files, sending nothing', () => {
  mockParams = { record: RECORD_ID.slice(0, 30), hash: SM3 }
  render(<VerifyPage />)
  expect(screen.getByRole('alert').textContent).toContain('验章链接不完整或已损坏')
  expect(screen.getByRole('button', { name: '选择已签署的文件' })).toBeTruthy()
  expect(screen.getByRole('button', { name: '选择签章文件' })).toBeTruthy()
  expect(mockApi.calls).toEqual([])
})

test('the plain page, opened without a link, has no such message', () => {
  render(<VerifyPage />)
  expect(screen.queryByText(/验章链接不完整或已损坏/)).toBeNull()
  expect(screen.getByRole('button', { name: '选择签章文件' })).toBeTruthy()
})
