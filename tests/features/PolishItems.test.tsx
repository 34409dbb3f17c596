// Issue #12 item 19, as a user sees it: the offline banner's date is China's, 许证闹钟 is offered
// once on 工作台, and choice chips say their state to a screen reader.
import { fireEvent, render, screen } from '@testing-library/react'
import { LicenceListScreen } from '../../src/features/licences/LicenceListScreen'
import { useWallet } from '../../src/features/licences/walletStore'
import { CapabilityGrid } from '../../src/features/workbench/CapabilityGrid'
import { FilterChips } from '../../src/features/policies/FilterChips'
import { licence, listOf } from './licenceFixtures'

const ENTERPRISE = 'e0000000-0000-4000-8000-000000000001'
const noop = () => undefined

test('offline, 证照 says when the list was synced in China time (01:30 on 2 March there is 1 March in UTC)', () => {
  useWallet.setState({
    byEnterprise: {
      [ENTERPRISE]: {
        list: listOf([licence({ id: 'a', typeName: '食品生产许可证', status: 'valid' })]),
        fetchedAt: '2026-03-01T17:30:00.000Z',
      },
    },
    loading: false,
    offline: true,
    error: null,
  })
  render(<LicenceListScreen enterpriseId={ENTERPRISE} onOpen={noop} onAdd={noop} onExport={noop} />)
  expect(screen.getByRole('status').textContent).toContain('显示的是 2026-03-02 同步的证照')
})

test('工作台 leaves 许证闹钟 out of the grid when its summary card is shown, and keeps the rest', () => {
  const { rerender } = render(<CapabilityGrid counts={{ licences: '3 张待续期' }} onOpen={noop} />)
  expect(screen.getByRole('button', { name: '许证闹钟，3 张待续期' })).toBeTruthy()
  rerender(<CapabilityGrid counts={{ licences: '3 张待续期' }} without={['licences']} onOpen={noop} />)
  expect(screen.queryByRole('button', { name: /^许证闹钟/ })).toBeNull()
  expect(screen.getAllByRole('button')).toHaveLength(4)
})

test('a filter chip says whether it is on (aria-pressed), and is a 44 px pressable chip', () => {
  const onSelect = jest.fn()
  render(
    <FilterChips
      name='状态'
      options={[
        { value: undefined, label: '全部' },
        { value: 'open', label: '申报中' },
      ]}
      selected={undefined}
      onSelect={onSelect}
    />,
  )
  const all = screen.getByRole('button', { name: /^状态：全部/ })
  const open = screen.getByRole('button', { name: /^状态：申报中/ })
  expect(all.getAttribute('aria-pressed')).toBe('true')
  expect(open.getAttribute('aria-pressed')).toBe('false')
  expect(open.className).toContain('chip--control')
  fireEvent.click(open)
  expect(onSelect).toHaveBeenCalledWith('open')
})
