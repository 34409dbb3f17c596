import { useState } from 'react'
import { View } from '@tarojs/components'
import type { SealGrantCreated, SealView } from '../../contract/esign/schemas'
import { createSealGrant } from '../../api/seals/createSealGrant'
import { userMessage } from '../../api/errors'
import { apiClient } from '../../core/apiClient'
import { ActionButton } from '../../ui/ActionButton'
import { DateField } from '../../ui/DateField'
import { ErrorText } from '../../ui/ErrorText'
import { LabelledSwitch } from '../../ui/LabelledSwitch'
import { TextField } from '../../ui/TextField'
import { PinField } from './PinField'

/** 新增授权: by the handler's phone or a one-time invite code, for chosen seals, until a day; PIN-confirmed. */
export function GrantForm(props: {
  enterpriseId: string
  seals: SealView[]
  onCreated: (grant: SealGrantCreated) => void
  onCancel: () => void
}) {
  const [byInvite, setByInvite] = useState(false)
  const [phone, setPhone] = useState('')
  const [sealIds, setSealIds] = useState<string[]>([])
  const [validUntil, setValidUntil] = useState('')
  const [pin, setPin] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  // One key per form: a retry after a lost response must not grant twice.
  const [idempotencyKey] = useState(() => `grant-${Date.now()}-${Math.random().toString(36).slice(2)}`)

  const problem = (): string | null => {
    if (!byInvite && !/^1[3-9]\d{9}$/.test(phone.trim())) return '请填写经办人的 11 位手机号'
    if (sealIds.length === 0) return '请至少选择一枚印章'
    if (!/^\d{4}-\d{2}-\d{2}$/.test(validUntil)) return '请填写授权截止日期，如 2026-12-31'
    if (!/^\d{6}$/.test(pin)) return '请输入 6 位数字签署密码'
    return null
  }

  const submit = async () => {
    const found = problem()
    setError(found)
    if (found) return
    setBusy(true)
    try {
      const grantee = byInvite ? { invite: true as const } : { phone: phone.trim() }
      props.onCreated(
        await createSealGrant(apiClient, props.enterpriseId, { grantee, sealIds, validUntil, pin }, idempotencyKey),
      )
    } catch (e) {
      setError(userMessage(e))
    } finally {
      setBusy(false)
    }
  }

  const toggleSeal = (id: string, on: boolean) =>
    setSealIds((ids) => (on ? [...ids, id] : ids.filter((existing) => existing !== id)))

  return (
    <View className='card'>
      <View className='title'>新增印章授权</View>
      <LabelledSwitch
        label='使用邀请码授权'
        hint='经办人尚未登录过政企通时，生成一次性邀请码交给对方'
        checked={byInvite}
        onChange={setByInvite}
      />
      {byInvite ? null : (
        <View>
          <TextField label='经办人手机号' value={phone} maxlength={11} onChange={setPhone} />
          <View className='muted'>对方在政企通「我的 › 接受印章授权」中确认后，授权才生效</View>
        </View>
      )}
      <View className='field__label'>授权使用的印章</View>
      {props.seals
        .filter((seal) => seal.status === 'valid')
        .map((seal) => (
          <LabelledSwitch
            key={seal.id}
            label={seal.typeLabel}
            hint={seal.name}
            checked={sealIds.includes(seal.id)}
            onChange={(on) => toggleSeal(seal.id, on)}
          />
        ))}
      <DateField label='授权截止日期' value={validUntil} onChange={setValidUntil} />
      <PinField label='签署密码' value={pin} onChange={setPin} />
      <ErrorText message={error} />
      <ActionButton label='确认授权' disabled={busy} onClick={submit} />
      <ActionButton label='取消' variant='secondary' onClick={props.onCancel} />
    </View>
  )
}
