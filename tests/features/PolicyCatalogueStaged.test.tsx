import { act, render, screen, waitFor } from '@testing-library/react'
import { createFakeApi } from '../setup/fake-api'
import { page, policy, view } from './PolicyFixtures'

const mockApi = createFakeApi()
jest.mock('../../src/platform/request', () => ({ taroTransport: (r: any) => mockApi.transport(r) }))

import { PolicyListScreen } from '../../src/features/policies/PolicyListScreen'
import { usePolicies } from '../../src/features/policies/policiesStore'
import { useSession } from '../../src/core/session'

/** A full first page of the catalogue: 20 policies, as the server sends them. */
const twenty = Array.from({ length: 20 }, (_, i) => view(policy({ id: `p-${i}`, title: `政策${i + 1}` })))
const cardTitles = () => screen.getAllByRole('link').map((l) => l.getAttribute('aria-label')?.split('，')[0])

beforeEach(() => {
  useSession.getState().clear()
  mockApi.on('GET', '/api/v1/policies', () => ({ body: page(twenty) }))
})

test('a page of 20 policies: the count and the first cards at once, the rest follow in order by themselves', async () => {
  render(
    <PolicyListScreen signedIn={false} enterpriseId={null} onOpen={() => undefined} onCalculator={() => undefined} />,
  )
  await act(() => usePolicies.getState().loadCatalogue())
  expect(screen.getByText('共 20 项')).toBeTruthy()
  // Not all 20 in the same task as the answer: the first few, in the server's order.
  const first = cardTitles()
  expect(first.length).toBeGreaterThan(0)
  expect(first.length).toBeLessThan(20)
  expect(first).toEqual(twenty.slice(0, first.length).map((v) => v.policy.title))
  await waitFor(() => expect(cardTitles()).toHaveLength(20), { timeout: 5000 })
  expect(cardTitles()).toEqual(twenty.map((v) => v.policy.title))
})

test('the refresh on coming back (same policies, new objects) keeps every card shown: the page never shrinks', async () => {
  render(
    <PolicyListScreen signedIn={false} enterpriseId={null} onOpen={() => undefined} onCalculator={() => undefined} />,
  )
  await act(() => usePolicies.getState().loadCatalogue())
  await waitFor(() => expect(cardTitles()).toHaveLength(20), { timeout: 5000 })
  await act(() => usePolicies.getState().loadCatalogue())
  expect(cardTitles()).toHaveLength(20)
})
