import { useState } from 'react'
import { Input, View } from '@tarojs/components'
import type { LicenceStatus } from '../../contract/licences/schemas'
import { useEnterpriseContext } from '../../core/enterpriseContext'
import { ROLE_LABELS } from '../../domain/access/permissions'
import { chinaDateOf } from '../../domain/calendar/dates'
import { LICENCE_STATUS_LABELS, LICENCE_STATUSES } from '../../domain/licences/status'
import { ariaProps } from '../../platform/aria'
import { ActionButton } from '../../ui/ActionButton'
import { ErrorText } from '../../ui/ErrorText'
import { StatusView } from '../../ui/StatusView'
import { countdownText } from './countdown'
import { filterLicences } from './filterLicences'
import { StatusChip } from './StatusChip'
import { useWallet } from './walletStore'

// The chips in the order a holder scans them. A Record, so a status added to the domain's list
// (LICENCE_STATUSES, which the wire contract also reads) does not compile until it has its place.
const CHIP_ORDER: Record<LicenceStatus, number> = {
  urgent: 0,
  'deadline-missed': 1,
  'renewal-due': 2,
  expired: 3,
  renewing: 4,
  valid: 5,
  cancelled: 6,
}
const FILTERS: (LicenceStatus | 'all')[] = [
  'all',
  ...[...LICENCE_STATUSES].sort((a, b) => CHIP_ORDER[a] - CHIP_ORDER[b]),
]

/**
 * Whose licences these are: an agent holds several enterprises, and a list of licences that names
 * no holder cannot be told apart from another's. 切换 (with more than one) asks the page to offer
 * the enterprise switcher.
 */
function EnterpriseBar(props: { enterpriseId: string; onSwitch?: () => void }) {
  const enterprise = useEnterpriseContext((s) => s.enterprises.find((e) => e.id === props.enterpriseId))
  const count = useEnterpriseContext((s) => s.enterprises.length)
  if (!enterprise) return null
  return (
    <View className='row enterprise-bar'>
      <View>
        <View className='title'>{enterprise.name}</View>
        <View className='muted'>
          {ROLE_LABELS[enterprise.role]} · 共 {count} 家企业
        </View>
      </View>
      {props.onSwitch && count > 1 ? (
        <ActionButton
          variant='secondary'
          className='btn--inline'
          label={`切换企业（当前：${enterprise.name}）`}
          onClick={props.onSwitch}
        >
          切换
        </ActionButton>
      ) : null}
    </View>
  )
}

/** 证照: the current enterprise's licences, most urgent first, filterable and searchable. */
export function LicenceListScreen(props: {
  enterpriseId: string
  onOpen: (licenceId: string) => void
  onAdd: () => void
  onExport: () => void
  /** Offers 切换 beside the enterprise's name (when the user holds more than one). */
  onSwitch?: () => void
}) {
  const entry = useWallet((s) => s.byEnterprise[props.enterpriseId])
  const { loading, offline, error, refused, refresh } = useWallet()
  const [filter, setFilter] = useState<LicenceStatus | 'all'>('all')
  const [query, setQuery] = useState('')
  const bar = <EnterpriseBar enterpriseId={props.enterpriseId} onSwitch={props.onSwitch} />

  if (!entry) {
    return (
      <View>
        {bar}
        {error ? (
          <StatusView kind='error' text={error} refused={refused} onRetry={() => refresh(props.enterpriseId)} />
        ) : (
          <StatusView kind='loading' />
        )}
      </View>
    )
  }

  const { items, counts } = entry.list
  const visible = filterLicences(items, filter, query)
  return (
    <View>
      {bar}
      {offline ? (
        <View className='banner banner--offline' ariaRole='status'>
          离线 · 显示的是 {chinaDateOf(Date.parse(entry.fetchedAt))} 同步的证照，联网后下拉刷新
        </View>
      ) : null}
      {offline ? null : <ErrorText message={error} />}
      <Input
        className='input'
        value={query}
        placeholder='搜索证照名称或编号'
        ariaLabel='搜索证照名称或编号'
        onInput={(e) => setQuery(e.detail.value)}
      />
      <View className='chips'>
        {FILTERS.map((f) => {
          const count = f === 'all' ? items.length : counts[f]
          if (f !== 'all' && count === 0) return null
          const label = `${f === 'all' ? '全部' : LICENCE_STATUS_LABELS[f]} ${count}`
          return (
            <View
              key={f}
              className={f === filter ? 'chip chip--control chip--selected' : 'chip chip--control'}
              ariaRole='button'
              {...ariaProps({ pressed: f === filter })}
              ariaLabel={`筛选：${label}${f === filter ? '（已选）' : ''}`}
              onClick={() => setFilter(f)}
            >
              {label}
            </View>
          )
        })}
      </View>
      {loading ? <View className='muted'>正在刷新…</View> : null}
      {visible.length === 0 ? (
        <StatusView
          kind='empty'
          text={items.length === 0 ? '还没有证照' : '没有符合条件的证照'}
          hint={items.length === 0 ? '添加证照后，续期截止前会按工作日提醒您' : '换个筛选条件或关键词试试'}
        />
      ) : (
        visible.map((licence) => (
          <View
            key={licence.id}
            className='card licence-row'
            ariaRole='link'
            ariaLabel={`${licence.typeName}，${LICENCE_STATUS_LABELS[licence.status]}，${countdownText(licence)}`}
            onClick={() => props.onOpen(licence.id)}
          >
            <View className='row'>
              <View className='title'>{licence.typeName}</View>
              <StatusChip status={licence.status} />
            </View>
            <View className='muted'>编号 {licence.number}</View>
            <View>{countdownText(licence)}</View>
          </View>
        ))
      )}
      <ActionButton label='添加证照' onClick={props.onAdd} />
      {items.length > 0 ? <ActionButton variant='secondary' label='订阅到日历' onClick={props.onExport} /> : null}
    </View>
  )
}
