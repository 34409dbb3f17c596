import { View } from '@tarojs/components'
import { useUpcomingCompliance } from './complianceStore'

/** 工作台 card: how many deadlines fall in the next 30 days, across the user's enterprises; opens 合规日历. */
export function ComplianceCard(props: { onOpen: () => void }) {
  const upcoming = useUpcomingCompliance((s) => s.upcoming)
  if (!upcoming || upcoming.enterprises.length === 0) return null
  const count = upcoming.items.length
  const first = upcoming.items[0]
  return (
    <View
      className='card'
      ariaRole='link'
      ariaLabel={`合规日历：未来30天有 ${count} 项办事期限，查看合规日历`}
      onClick={props.onOpen}
    >
      <View className='row'>
        <View className='title'>合规日历</View>
        <View className='muted'>未来30天 {count} 项 ›</View>
      </View>
      {first ? (
        <View className='muted'>{`最近：${first.date} ${first.title}（${first.enterpriseName}）`}</View>
      ) : (
        <View className='muted'>未来30天没有需要办理的期限</View>
      )}
    </View>
  )
}
