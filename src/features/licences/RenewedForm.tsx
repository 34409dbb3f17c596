import { useState } from 'react'
import { View } from '@tarojs/components'
import type { LicenceView } from '../../contract/licences/schemas'
import { userMessage } from '../../api/errors'
import { recordRenewal } from '../../api/licences/recordRenewal'
import { apiClient } from '../../core/apiClient'
import { chinaDateOf } from '../../domain/calendar/dates'
import { licenceFactProblems } from '../../domain/licences/validation'
import { ActionButton } from '../../ui/ActionButton'
import { DateField } from '../../ui/DateField'
import { ErrorText } from '../../ui/ErrorText'
import { TextField } from '../../ui/TextField'

/** 已换新证: the new certificate's number and dates; the old one is kept in history. */
export function RenewedForm(props: {
  licence: LicenceView
  onSaved: (updated: LicenceView) => void
  onCancel: () => void
}) {
  const [number, setNumber] = useState(props.licence.number)
  const [issuedOn, setIssuedOn] = useState(chinaDateOf(Date.now()))
  const [expiresOn, setExpiresOn] = useState('')
  const [submitted, setSubmitted] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const problems = licenceFactProblems(
    { typeCode: props.licence.typeCode, number, authority: props.licence.authority, issuedOn, expiresOn },
    chinaDateOf(Date.now()),
  )
  const shown = submitted ? problems : {}

  const save = async () => {
    setSubmitted(true)
    if (problems.number || problems.issuedOn || problems.expiresOn) return
    if (expiresOn <= props.licence.expiresOn) {
      setError('新证的有效期应晚于旧证')
      return
    }
    setBusy(true)
    setError(null)
    try {
      props.onSaved(await recordRenewal(apiClient, props.licence.id, { number: number.trim(), issuedOn, expiresOn }))
    } catch (e) {
      setError(userMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='card'>
      <View className='title'>登记新证</View>
      <TextField label='新证编号' value={number} error={shown.number} onChange={setNumber} />
      <DateField label='新证发证日期' value={issuedOn} error={shown.issuedOn} onChange={setIssuedOn} />
      <DateField label='新证有效期至' value={expiresOn} error={shown.expiresOn} onChange={setExpiresOn} />
      <ErrorText message={error} />
      <ActionButton label='保存新证' disabled={busy} onClick={save} />
      <ActionButton variant='secondary' label='取消' onClick={props.onCancel} />
    </View>
  )
}
