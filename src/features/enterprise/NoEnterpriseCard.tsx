import { useEffect } from 'react'
import { View } from '@tarojs/components'
import { useEnterpriseContext } from '../../core/enterpriseContext'
import { ActionButton } from '../../ui/ActionButton'
import { StatusView } from '../../ui/StatusView'

/**
 * Someone signed in with no enterprise yet is shown the two ways in where they stand (证照, 我的,
 * 工作台), instead of being sent to a screen with nothing to choose: the legal representative
 * links their enterprises by face; a handler redeems the invite code the legal representative gave.
 */
export function NoEnterpriseCard(props: { onFaceLink: () => void; onInvite: () => void; why?: string }) {
  const { status, error, load, enterprises } = useEnterpriseContext()
  // The list is kept on the device but not whether it was fetched: ask once on a fresh start.
  useEffect(() => {
    if (status === 'idle') void load()
  }, [status, load])
  if (status === 'idle' || status === 'loading') return <StatusView kind='loading' />
  if (status === 'error') return <StatusView kind='error' text={error ?? '加载失败'} onRetry={load} />
  if (enterprises.length > 0) return <StatusView kind='empty' text='尚未选择企业' hint='请在「我的」中选择当前企业' />
  return (
    <View className='card' ariaLabel='关联企业'>
      <View className='title'>还没有关联的企业</View>
      <View className='muted'>{props.why ?? '关联企业后即可查看证照、使用电子印章、匹配惠企政策。'}</View>
      <ActionButton label='刷脸关联企业（法定代表人）' onClick={props.onFaceLink}>
        我是法定代表人：刷脸关联企业
      </ActionButton>
      <View className='muted'>核验本人身份后，自动关联您担任法定代表人的企业。</View>
      <ActionButton variant='secondary' label='输入邀请码（经办人）' onClick={props.onInvite}>
        我是经办人：输入邀请码
      </ActionButton>
      <View className='muted'>邀请码由企业法定代表人在「电子印章」中授权时生成。</View>
    </View>
  )
}
