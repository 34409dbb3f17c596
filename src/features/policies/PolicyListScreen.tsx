import { View } from '@tarojs/components'
import { ActionButton } from '../../ui/ActionButton'
import { CatalogueSection } from './CatalogueSection'
import { MatchesSection } from './MatchesSection'
import { PushPreferenceSection } from './PushPreferenceSection'

/**
 * 惠企政策: for the current enterprise first 可申报 then 差一点, then the whole catalogue. Signed
 * out (or with no enterprise chosen) it is the catalogue and the 政策计算器, which need no login.
 */
export function PolicyListScreen(props: {
  signedIn: boolean
  enterpriseId: string | null
  onOpen: (policyId: string) => void
  onCalculator: () => void
}) {
  return (
    <View>
      <View className='card'>
        <View className='title'>政策计算器</View>
        <View className='muted'>填写企业基本信息，逐条看清能享受哪些政策、还差什么</View>
        <ActionButton label='打开政策计算器' onClick={props.onCalculator} />
      </View>
      {props.enterpriseId ? (
        <MatchesSection enterpriseId={props.enterpriseId} onOpen={props.onOpen} onCompleteFacts={props.onCalculator} />
      ) : (
        <View className='muted'>
          {props.signedIn ? '选择企业后，可为您的企业匹配政策' : '登录并选择企业后，可为您的企业匹配可申报的政策'}
        </View>
      )}
      <CatalogueSection onOpen={props.onOpen} />
      {props.signedIn ? <PushPreferenceSection /> : null}
    </View>
  )
}
