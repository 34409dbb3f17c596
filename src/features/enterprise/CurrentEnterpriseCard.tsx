import { View } from '@tarojs/components'
import { selectCurrentEnterprise, useEnterpriseContext } from '../../core/enterpriseContext'
import { ROLE_LABELS } from '../../domain/access/permissions'

/** The enterprise every capability works on right now; tapping it opens its profile. */
export function CurrentEnterpriseCard(props: { onOpen: () => void; onSwitch: () => void }) {
  const current = useEnterpriseContext(selectCurrentEnterprise)
  const count = useEnterpriseContext((s) => s.enterprises.length)
  if (!current) return null
  return (
    <View className='card current-enterprise'>
      <View className='muted'>当前企业</View>
      <View
        className='title'
        onClick={props.onOpen}
        ariaRole='link'
        ariaLabel={`当前企业：${current.name}，查看企业信息`}
      >
        {current.name}
      </View>
      <View className='muted'>
        统一社会信用代码 {current.uscc} · {ROLE_LABELS[current.role]}
      </View>
      {count > 1 ? (
        <View className='link' onClick={props.onSwitch} ariaRole='button' ariaLabel='切换企业'>
          切换企业（共 {count} 家）›
        </View>
      ) : null}
    </View>
  )
}
