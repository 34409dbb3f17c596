import { View } from '@tarojs/components'
import type { LicenceStatus } from '../../contract/licences/schemas'
import { LICENCE_STATUS_LABELS } from '../../domain/licences/status'
import { useWallet } from './walletStore'

const SHOWN: LicenceStatus[] = ['urgent', 'deadline-missed', 'renewal-due', 'expired', 'renewing', 'valid']

/** 工作台 card: the current enterprise's licences counted by status; tapping opens the wallet. */
export function LicenceSummaryCard(props: { enterpriseId: string; onOpen: () => void }) {
  const entry = useWallet((s) => s.byEnterprise[props.enterpriseId])
  if (!entry) return null
  const { counts, items } = entry.list
  const pressing = counts.urgent + counts['deadline-missed']
  return (
    <View
      className='card'
      ariaRole='link'
      ariaLabel={`证照 ${items.length} 张${pressing > 0 ? `，${pressing} 张需立即处理` : ''}，查看证照夹`}
      onClick={props.onOpen}
    >
      <View className='row'>
        <View className='title'>许证闹钟</View>
        <View className='muted'>共 {items.length} 张 ›</View>
      </View>
      <View className='chips'>
        {SHOWN.filter((s) => counts[s] > 0).map((s) => (
          <View key={s} className={`chip chip--${s}`}>
            {LICENCE_STATUS_LABELS[s]} {counts[s]}
          </View>
        ))}
      </View>
    </View>
  )
}
