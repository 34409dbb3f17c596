import { View } from '@tarojs/components'
import { ActionButton } from '../../ui/ActionButton'

/** An address the app does not have: say so plainly and lead home, whoever is signed in. */
export function NotFoundScreen(props: { onHome: () => void }) {
  return (
    <View className='card status-view' ariaRole='alert'>
      <View className='title'>页面不存在</View>
      <View className='muted'>您打开的链接可能已失效或输入有误。</View>
      <ActionButton label='返回首页' onClick={props.onHome} />
    </View>
  )
}
