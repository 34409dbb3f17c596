import { useState } from 'react'
import { View } from '@tarojs/components'
import { userMessage } from '../../api/errors'
import { useEnterpriseContext } from '../../core/enterpriseContext'
import { ActionButton } from '../../ui/ActionButton'
import { ErrorText } from '../../ui/ErrorText'
import { StatusView } from '../../ui/StatusView'
import { ROLE_LABELS } from '../../domain/access/permissions'
import { NoEnterpriseCard } from './NoEnterpriseCard'

/** One tap switches the enterprise every screen works on; an agent may have dozens. None yet: the ways in. */
export function EnterpriseSwitcher(props: { onFaceLink: () => void; onInvite: () => void }) {
  const { enterprises, currentId, status, error, load, switchTo } = useEnterpriseContext()
  const [switchError, setSwitchError] = useState<string | null>(null)

  if (status === 'loading' && enterprises.length === 0) return <StatusView kind='loading' />
  if (status === 'error' && enterprises.length === 0)
    return <StatusView kind='error' text={error ?? '加载失败'} onRetry={load} />
  if (enterprises.length === 0) return <NoEnterpriseCard onFaceLink={props.onFaceLink} onInvite={props.onInvite} />

  const choose = async (id: string) => {
    setSwitchError(null)
    try {
      await switchTo(id)
    } catch (e) {
      setSwitchError(userMessage(e))
    }
  }

  return (
    <View className='card' ariaLabel='切换企业'>
      <View className='title'>我的企业（{enterprises.length}）</View>
      {enterprises.map((enterprise) => {
        const current = enterprise.id === currentId
        return (
          <ActionButton
            key={enterprise.id}
            variant={current ? 'primary' : 'secondary'}
            className={current ? 'enterprise-option enterprise-option--current' : 'enterprise-option'}
            label={`${current ? '当前企业：' : '切换到'}${enterprise.name}`}
            onClick={() => (current ? undefined : choose(enterprise.id))}
          >
            {enterprise.name} · {ROLE_LABELS[enterprise.role]}
            {current ? '（当前）' : ''}
          </ActionButton>
        )
      })}
      <ErrorText message={switchError} />
    </View>
  )
}
