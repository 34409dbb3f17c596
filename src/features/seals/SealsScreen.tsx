import { useCallback, useState } from 'react'
import { View } from '@tarojs/components'
import { listSeals } from '../../api/seals/listSeals'
import { apiClient } from '../../core/apiClient'
import { ActionButton } from '../../ui/ActionButton'
import { StatusView } from '../../ui/StatusView'
import { SealClaim } from './SealClaim'
import type { FaceStep } from '../../core/faceStep'
import { SealGrants } from './SealGrants'
import { SEAL_STATUS_LABELS } from './sealLabels'
import { SvgImage } from '../../ui/SvgImage'
import { useLoad } from './useLoad'
import { validityEndDay } from './grantDates'
import { SealRulesForm } from './SealRulesForm'
import { SealRevokeForm } from './SealRevokeForm'
import { toast } from '../../platform/feedback'

/** 电子印章 of the current enterprise: the seals one may use, claiming them, and (for the legal representative) grants. */
export function SealsScreen(props: {
  enterpriseId: string
  FaceStep: FaceStep
  onScanToSign: () => void
  onVerify: () => void
  onSignature: () => void
  onAudit: () => void
  /** 用章报告 (legal representative) */
  onReports?: () => void
  onAcceptInvite: () => void
}) {
  const fetchSeals = useCallback(() => listSeals(apiClient, props.enterpriseId), [props.enterpriseId])
  const { state, reload: load } = useLoad(fetchSeals)
  const [rulesOf, setRulesOf] = useState<string | null>(null)
  const [revoking, setRevoking] = useState<{ sealId: string; action: 'revoke' | 'replace' } | null>(null)

  if (state.kind === 'loading') return <StatusView kind='loading' />
  if (state.kind === 'error')
    return <StatusView kind='error' text={state.text} refused={state.refused} onRetry={load} />
  const { seals, claimed, canManage } = state.value
  const editing = canManage ? seals.find((seal) => seal.id === rulesOf) : undefined
  if (editing) return <SealRulesForm enterpriseId={props.enterpriseId} seal={editing} onDone={() => setRulesOf(null)} />
  const revokingSeal = canManage && revoking ? seals.find((seal) => seal.id === revoking.sealId) : undefined
  if (revoking && revokingSeal) {
    return (
      <SealRevokeForm
        enterpriseId={props.enterpriseId}
        seal={revokingSeal}
        action={revoking.action}
        FaceStep={props.FaceStep}
        onCancel={() => setRevoking(null)}
        onDone={(result) => {
          setRevoking(null)
          toast(result.replacement ? '已重新制章' : '印章已注销', 'success')
          void load()
        }}
      />
    )
  }

  if (!claimed) {
    return canManage ? (
      <SealClaim enterpriseId={props.enterpriseId} FaceStep={props.FaceStep} onClaimed={load} />
    ) : (
      <View>
        <StatusView kind='empty' text='本企业尚未领取电子印章' hint='请企业法定代表人在本页刷脸领取' />
        <ActionButton label='我是经办人：输入邀请码' variant='secondary' onClick={props.onAcceptInvite} />
        <ActionButton label='个人电子签名' variant='secondary' onClick={props.onSignature} />
      </View>
    )
  }
  return (
    <View>
      <View className='card'>
        <ActionButton label='扫码签章' onClick={props.onScanToSign} />
        <ActionButton label='验章' variant='secondary' onClick={props.onVerify} />
        <ActionButton label='个人电子签名' variant='secondary' onClick={props.onSignature} />
        {canManage ? (
          <ActionButton label='用章记录' variant='secondary' onClick={props.onAudit} />
        ) : (
          <ActionButton label='我是经办人：输入邀请码' variant='secondary' onClick={props.onAcceptInvite} />
        )}
        {canManage && props.onReports ? (
          <ActionButton label='用章报告' variant='secondary' onClick={props.onReports} />
        ) : null}
      </View>
      {seals.length === 0 ? (
        <StatusView kind='empty' text='暂无可用的印章' hint='请联系企业法定代表人为您授权' />
      ) : (
        seals.map((seal) => (
          <View key={seal.id} className='card row seal-card'>
            <SvgImage className='seal-image' svg={seal.imageSvg} label={seal.name} width={72} height={72} />
            <View className='seal-card__text'>
              <View className='title'>{seal.typeLabel}</View>
              <View>{seal.name}</View>
              <View className='muted'>
                {SEAL_STATUS_LABELS[seal.status]} · 有效期至 {validityEndDay(seal.validTo)}
              </View>
              {canManage ? (
                <ActionButton
                  label={`${seal.typeLabel}用章规则`}
                  variant='secondary'
                  onClick={() => setRulesOf(seal.id)}
                />
              ) : null}
              {canManage ? (
                <View className='row'>
                  <ActionButton
                    label={`重新制作${seal.typeLabel}`}
                    variant='secondary'
                    onClick={() => setRevoking({ sealId: seal.id, action: 'replace' })}
                  >
                    重新制章
                  </ActionButton>
                  <ActionButton
                    label={`注销${seal.typeLabel}`}
                    variant='danger'
                    onClick={() => setRevoking({ sealId: seal.id, action: 'revoke' })}
                  >
                    注销印章
                  </ActionButton>
                </View>
              ) : null}
            </View>
          </View>
        ))
      )}
      {canManage ? <SealGrants enterpriseId={props.enterpriseId} seals={seals} /> : null}
    </View>
  )
}
