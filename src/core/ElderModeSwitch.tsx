import { Switch, View } from '@tarojs/components'
import { usePreferences } from './preferences'

/** The 长辈版 switch: offered on the first screens a user meets (login, 我的). */
export function ElderModeSwitch() {
  const elderMode = usePreferences((s) => s.elderMode)
  const setElderMode = usePreferences((s) => s.setElderMode)
  return (
    <View className='card'>
      <View className='row'>
        <View>
          <View>长辈版</View>
          <View className='muted'>更大的字、更高的对比度</View>
        </View>
        <Switch checked={elderMode} ariaLabel='长辈版' onChange={(e) => setElderMode(e.detail.value)} />
      </View>
    </View>
  )
}
