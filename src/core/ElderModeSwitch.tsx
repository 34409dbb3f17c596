import { View } from '@tarojs/components'
import { LabelledSwitch } from '../ui/LabelledSwitch'
import { usePreferences } from './preferences'

/** The 长辈版 switch: offered on the first screens a user meets (login, 我的). */
export function ElderModeSwitch() {
  const elderMode = usePreferences((s) => s.elderMode)
  const setElderMode = usePreferences((s) => s.setElderMode)
  return (
    <View className='card'>
      <LabelledSwitch label='长辈版' hint='更大的字、更高的对比度' checked={elderMode} onChange={setElderMode} />
    </View>
  )
}
