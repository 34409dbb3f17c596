import { useCallback, useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import type { EnterpriseProfile } from '../../contract/account/schemas'
import { getEnterprise } from '../../api/enterprises/getEnterprise'
import { isPermissionRefusal, userMessage } from '../../api/errors'
import { apiClient } from '../../core/apiClient'
import { useEnterpriseContext } from '../../core/enterpriseContext'
import { StatusView } from '../../ui/StatusView'
import { ROLE_LABELS } from '../../domain/access/permissions'
import { EnterpriseRegion } from './EnterpriseRegion'

type Load =
  | { kind: 'loading' }
  | { kind: 'error'; text: string; refused: boolean }
  | { kind: 'ready'; profile: EnterpriseProfile }

/** The current enterprise's registry profile. */
export function EnterpriseProfileScreen(props: { onComplianceSettings?: () => void } = {}) {
  const currentId = useEnterpriseContext((s) => s.currentId)
  const [state, setState] = useState<Load>({ kind: 'loading' })

  const load = useCallback(async () => {
    if (!currentId) return
    setState({ kind: 'loading' })
    try {
      setState({ kind: 'ready', profile: await getEnterprise(apiClient, currentId) })
    } catch (e) {
      setState({ kind: 'error', text: userMessage(e), refused: isPermissionRefusal(e) })
    }
  }, [currentId])

  useEffect(() => {
    void load()
  }, [load])

  if (!currentId) return <StatusView kind='empty' text='尚未选择企业' hint='请在「我的」中选择要办理业务的企业' />
  if (state.kind === 'loading') return <StatusView kind='loading' />
  if (state.kind === 'error')
    return <StatusView kind='error' text={state.text} refused={state.refused} onRetry={load} />

  const p = state.profile
  const rows: [string, string][] = [
    ['统一社会信用代码', p.uscc],
    ['法定代表人', p.legalRepresentative],
    ['我的身份', ROLE_LABELS[p.role]],
    ['所属行业', `${p.industryName}（${p.industryCode}）`],
    ['注册资本', `${p.registeredCapitalWan} 万元`],
    ['成立日期', p.foundedOn],
    ['从业人数', p.employees === null ? '未填写' : `${p.employees} 人`],
    ['住所', p.address],
  ]
  return (
    <View className='card'>
      <View className='title'>{p.name}</View>
      {rows.map(([label, value]) => (
        <View className='row' key={label}>
          <View className='muted'>{label}</View>
          <View>{value}</View>
        </View>
      ))}
      <EnterpriseRegion profile={p} onChanged={(profile) => setState({ kind: 'ready', profile })} />
      {props.onComplianceSettings && (p.role === 'legal_representative' || p.role === 'agent') ? (
        <View
          className='row link'
          ariaRole='link'
          ariaLabel='税务设置与行政处罚记录（合规日历）'
          onClick={props.onComplianceSettings}
        >
          <View>税务设置与行政处罚记录</View>
          <View className='muted'>›</View>
        </View>
      ) : null}
    </View>
  )
}
