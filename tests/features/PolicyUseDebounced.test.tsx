import { act, render } from '@testing-library/react'
import { useDebounced } from '../../src/features/policies/useDebounced'

/**
 * 惠企政策's search boxes settle through useDebounced with a fresh `{ q, issuer }` object on each
 * render. A settled copy must not start another round: the filters used to render again every
 * 300 ms for as long as the page was open (a long task each on a throttled phone).
 */
let renders = 0
let seen: { q: string } | null = null

function Probe(props: { q: string }) {
  renders += 1
  seen = useDebounced({ q: props.q }, 300)
  return null
}

beforeEach(() => {
  jest.useFakeTimers()
  renders = 0
  seen = null
})

afterEach(() => jest.useRealTimers())

test('a value that does not change settles without rendering again and again', () => {
  const { rerender } = render(<Probe q='' />)
  // The parent renders again: a new object, the same content.
  rerender(<Probe q='' />)
  // Ten delays, each in its own act (React renders between them, as a browser would).
  for (let i = 0; i < 10; i++) act(() => jest.advanceTimersByTime(300))
  expect(renders).toBe(2)
  expect(seen).toEqual({ q: '' })
})

test('a changed value is handed over once it has stood still for the delay', () => {
  const { rerender } = render(<Probe q='' />)
  rerender(<Probe q='高新' />)
  act(() => jest.advanceTimersByTime(200))
  expect(seen).toEqual({ q: '' })
  rerender(<Probe q='高新技术' />)
  act(() => jest.advanceTimersByTime(200))
  expect(seen).toEqual({ q: '' })
  act(() => jest.advanceTimersByTime(100))
  expect(seen).toEqual({ q: '高新技术' })
  const settledAt = renders
  for (let i = 0; i < 10; i++) act(() => jest.advanceTimersByTime(300))
  expect(renders).toBe(settledAt)
})
