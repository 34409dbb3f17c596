import { useEffect, useMemo, useState } from 'react'
import { Input, View } from '@tarojs/components'
import type { LicenceInput, LicenceView } from '../../contract/licences/schemas'
import { userMessage } from '../../api/errors'
import { createLicence } from '../../api/licences/createLicence'
import { editableLicenceFacts, updateLicence } from '../../api/licences/updateLicence'
import { apiClient } from '../../core/apiClient'
import { chinaDateOf } from '../../domain/calendar/dates'
import { licenceFactProblems } from '../../domain/licences/validation'
import { ActionButton } from '../../ui/ActionButton'
import { DateField } from '../../ui/DateField'
import { ErrorText } from '../../ui/ErrorText'
import { TextField } from '../../ui/TextField'
import { ListBox, ListOption } from '../../ui/ListBox'
import { useLicenceTypes } from './typesStore'

const EMPTY: LicenceInput = { typeCode: '', number: '', authority: '', issuedOn: '', expiresOn: '', scope: '' }

function newKey(): string {
  return `licence-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
}

/** Add or edit a licence: a searchable type picker over the catalogue, then the certificate's facts. */
export function LicenceForm(props: {
  enterpriseId: string
  existing?: LicenceView
  onSaved: (licence: LicenceView) => void
}) {
  const { types, error: typesError, ensure } = useLicenceTypes()
  const [input, setInput] = useState<LicenceInput>(() =>
    props.existing ? editableLicenceFacts(props.existing) : EMPTY,
  )
  const [typeQuery, setTypeQuery] = useState('')
  const [submitted, setSubmitted] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  // One key per form: a retry after a lost response is recognised by the server, never added twice.
  const [idempotencyKey] = useState(newKey)

  useEffect(() => {
    void ensure()
  }, [ensure])

  const type = types.find((t) => t.code === input.typeCode)
  const matches = useMemo(() => {
    const q = typeQuery.trim()
    return q ? types.filter((t) => t.name.includes(q)).slice(0, 8) : []
  }, [types, typeQuery])

  const problems = licenceFactProblems(input, chinaDateOf(Date.now()), type?.validityYears ?? null)
  const shown = submitted ? problems : {}
  const set = (patch: Partial<LicenceInput>) => setInput((current) => ({ ...current, ...patch }))

  const save = async () => {
    setSubmitted(true)
    if (Object.keys(problems).length > 0) return
    setBusy(true)
    setError(null)
    const body = {
      ...input,
      number: input.number.trim(),
      authority: input.authority.trim(),
      scope: input.scope?.trim() || null,
    }
    try {
      const saved = props.existing
        ? await updateLicence(apiClient, props.existing.id, body)
        : await createLicence(apiClient, props.enterpriseId, body, idempotencyKey)
      props.onSaved(saved)
    } catch (e) {
      setError(userMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='card'>
      <View className='field'>
        <View className='field__label'>证照类型</View>
        {type ? (
          <View className='row'>
            <View>{type.name}</View>
            <View className='link' ariaRole='button' ariaLabel='更换证照类型' onClick={() => set({ typeCode: '' })}>
              更换
            </View>
          </View>
        ) : (
          <View>
            <Input
              className='input'
              value={typeQuery}
              placeholder='搜索证照类型，如“食品”'
              ariaLabel='搜索证照类型'
              onInput={(e) => setTypeQuery(e.detail.value)}
            />
            {matches.length ? (
              <ListBox label='证照类型搜索结果'>
                {matches.map((t) => (
                  <ListOption
                    key={t.code}
                    label={`选择${t.name}`}
                    selected={false}
                    onSelect={() => {
                      set({ typeCode: t.code, authority: input.authority || t.authorityLabel })
                      setTypeQuery('')
                    }}
                  >
                    {t.name}
                    <View className='muted'>{t.leadRuleText}</View>
                  </ListOption>
                ))}
              </ListBox>
            ) : null}
            {typeQuery && matches.length === 0 ? <View className='muted'>没有找到，换个关键词试试</View> : null}
            {typesError ? <View className='error-text'>{typesError}</View> : null}
          </View>
        )}
        {shown.typeCode ? <View className='error-text'>{shown.typeCode}</View> : null}
      </View>
      <TextField label='证照编号' value={input.number} error={shown.number} onChange={(number) => set({ number })} />
      <TextField
        label='发证机关'
        value={input.authority}
        error={shown.authority}
        onChange={(authority) => set({ authority })}
      />
      <DateField
        label='发证日期'
        value={input.issuedOn}
        error={shown.issuedOn}
        onChange={(issuedOn) => set({ issuedOn })}
      />
      <DateField
        label='有效期至'
        value={input.expiresOn}
        error={shown.expiresOn}
        onChange={(expiresOn) => set({ expiresOn })}
      />
      <TextField
        label='许可范围（选填）'
        value={input.scope ?? ''}
        maxlength={200}
        onChange={(scope) => set({ scope })}
      />
      <ErrorText message={error} />
      <ActionButton label='保存证照' disabled={busy} onClick={save}>
        {busy ? '正在保存…' : '保存'}
      </ActionButton>
    </View>
  )
}
