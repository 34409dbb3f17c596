import { useState } from 'react'
import { View } from '@tarojs/components'
import type { EnterpriseProfile } from '../../contract/account/schemas'
import { updateEnterpriseRegion } from '../../api/enterprises/updateEnterpriseRegion'
import { userMessage } from '../../api/errors'
import { apiClient } from '../../core/apiClient'
import { RegionPicker } from '../../core/RegionPicker'
import { roleMay } from '../../domain/access/permissions'
import { ErrorText } from '../../ui/ErrorText'

const LABEL = '所在地区'

/** 「河南省 · 许昌市 · 魏都区」; a municipality's repeated name said once; the stored text when no area matches. */
export function regionText(profile: Pick<EnterpriseProfile, 'region' | 'regionPath'>): string {
  if (profile.regionPath.length === 0) return profile.region
  return profile.regionPath
    .map((entry) => entry.name)
    .filter((name, i, names) => i === 0 || name !== names[i - 1])
    .join(' · ')
}

/**
 * 所在地区 on the enterprise profile, as names. The legal representative corrects it with the
 * region picker of 政策计算器 (省 → 市 → 区县); the server checks the code against GB/T 2260.
 */
export function EnterpriseRegion(props: {
  profile: EnterpriseProfile
  onChanged: (profile: EnterpriseProfile) => void
}) {
  const { profile } = props
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState(false)
  // A refused correction puts the picker back on the stored region.
  const [attempt, setAttempt] = useState(0)

  const row = (
    <View className='row'>
      <View className='muted'>{LABEL}</View>
      <View>{regionText(profile)}</View>
    </View>
  )
  if (!roleMay(profile.role, 'enterprise:write', false)) return row

  const code = profile.regionPath.length ? profile.regionPath[profile.regionPath.length - 1].code : undefined
  const correct = async (regionCode: string | undefined) => {
    if (!regionCode || regionCode === code) return
    setSaving(true)
    setError(null)
    setSaved(false)
    try {
      props.onChanged(await updateEnterpriseRegion(apiClient, profile.id, regionCode))
      setSaved(true)
    } catch (e) {
      setError(userMessage(e))
      setAttempt((n) => n + 1)
    } finally {
      setSaving(false)
    }
  }
  return (
    <View>
      {code ? null : row}
      <RegionPicker key={attempt} label={LABEL} value={code} onChange={(next) => void correct(next)} />
      {saving ? <View className='muted'>正在保存…</View> : null}
      {saved ? (
        <View className='muted' ariaRole='status'>
          所在地区已更新
        </View>
      ) : null}
      <ErrorText message={error} />
    </View>
  )
}
