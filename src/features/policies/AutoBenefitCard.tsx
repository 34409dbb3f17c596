import { View } from '@tarojs/components'
import { useAutoBenefits } from './autoBenefitStore'
import { AUTO_GRANT_TEXT } from './autoGrantText'

/**
 * 工作台 card: the 免申即享 policies the current enterprise qualifies for — nothing to apply for,
 * so the enterprise at least knows the money or relief is coming. Hidden when there are none.
 * Imports only small modules: it lives on a tab page, in the main package.
 */
export function AutoBenefitCard(props: { enterpriseId: string; onOpen: (policyId: string) => void }) {
  const auto = useAutoBenefits((s) => s.byEnterprise[props.enterpriseId]) ?? []
  if (auto.length === 0) return null
  return (
    <View className='card'>
      <View className='row'>
        <View className='title'>免申即享</View>
        <View className='muted'>{auto.length} 项</View>
      </View>
      <View className='muted'>{AUTO_GRANT_TEXT}</View>
      {auto.map((match) => (
        <View
          key={match.policyId}
          className='row option'
          ariaRole='link'
          ariaLabel={`免申即享：${match.title}`}
          onClick={() => props.onOpen(match.policyId)}
        >
          <View className='row__text'>{match.title}</View>
          <View className='muted'>›</View>
        </View>
      ))}
    </View>
  )
}
