import { useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import { userMessage } from '../../api/errors'
import { getProfileFacts } from '../../api/policies/getProfileFacts'
import { listPolicies } from '../../api/policies/listPolicies'
import { saveProfileFacts } from '../../api/policies/saveProfileFacts'
import { apiClient } from '../../core/apiClient'
import type { RegionArea } from '../../domain/policies/conditions'
import { CALCULATOR_STEPS } from '../../domain/policies/profile'
import { toast } from '../../platform/feedback'
import { ActionButton } from '../../ui/ActionButton'
import { StatusView } from '../../ui/StatusView'
import { CalculatorResults } from './CalculatorResults'
import { placesInCatalogue } from './calculatorOptions'
import { useCalculatorDraft } from './calculatorDraft'
import { FactInput } from './FactInput'
import { usePolicyCalculation } from './usePolicyCalculation'

/**
 * 政策计算器: the enterprise's facts one question at a time, the results updating as they are
 * answered. No login needed; signed in with an enterprise, the answers can be pre-filled from and
 * saved to its profile.
 */
export function CalculatorScreen(props: { enterpriseId: string | null; onOpen: (policyId: string) => void }) {
  const { profile, step, setFact, setStep, merge, clear } = useCalculatorDraft()
  const [places, setPlaces] = useState<{ areas: RegionArea[]; zones: string[] }>({ areas: [], zones: [] })
  // Bumped when answers change from outside the inputs (pre-fill, 重新填写) so they show the new values.
  const [revision, setRevision] = useState(0)
  const [busy, setBusy] = useState(false)
  const [profileError, setProfileError] = useState<string | null>(null)
  const { calculation, retry } = usePolicyCalculation(profile)

  useEffect(() => {
    listPolicies(apiClient)
      .then((catalogue) => setPlaces(placesInCatalogue(catalogue)))
      .catch(() => undefined) // the place chips are a shortcut; typing a code still works
  }, [])

  const index = Math.min(Math.max(step, 0), CALCULATOR_STEPS.length - 1)
  const current = CALCULATOR_STEPS[index]
  const answered = CALCULATOR_STEPS.filter((s) => profile[s.field] !== undefined).length
  const { enterpriseId } = props

  const withEnterprise = async (task: (id: string) => Promise<void>) => {
    if (!enterpriseId) return
    setBusy(true)
    setProfileError(null)
    try {
      await task(enterpriseId)
    } catch (e) {
      setProfileError(userMessage(e))
    } finally {
      setBusy(false)
    }
  }
  const prefill = () =>
    withEnterprise(async (id) => {
      const { profile: saved } = await getProfileFacts(apiClient, id)
      merge(saved)
      setRevision((r) => r + 1)
      toast(Object.keys(saved).length ? '已从企业档案预填' : '企业档案中还没有信息')
    })
  const save = () =>
    withEnterprise(async (id) => {
      // The PUT replaces the profile: start from what is saved so nothing typed elsewhere is lost.
      const { profile: saved } = await getProfileFacts(apiClient, id)
      await saveProfileFacts(apiClient, id, { ...saved, ...useCalculatorDraft.getState().profile })
      toast('已保存到企业档案', 'success')
    })

  return (
    <View>
      <View className='card'>
        <View className='muted'>
          第 {index + 1} / {CALCULATOR_STEPS.length} 步 · 已填写 {answered} 项
        </View>
        <View className='title'>{current.question}</View>
        {current.hint ? <View className='muted'>{current.hint}</View> : null}
        <FactInput
          key={`${current.field}-${revision}`}
          step={current}
          value={profile[current.field]}
          places={places}
          onChange={(value) => setFact(current.field, value as never)}
        />
        <View className='row'>
          {index > 0 ? <ActionButton variant='secondary' label='上一步' onClick={() => setStep(index - 1)} /> : null}
          {index < CALCULATOR_STEPS.length - 1 ? (
            <ActionButton
              label={profile[current.field] === undefined ? '跳过' : '下一步'}
              onClick={() => setStep(index + 1)}
            />
          ) : null}
        </View>
        <ActionButton
          variant='secondary'
          label='重新填写'
          onClick={() => {
            clear()
            setRevision((r) => r + 1)
          }}
        />
      </View>

      {enterpriseId ? (
        <View className='card'>
          <ActionButton variant='secondary' label='从企业档案预填' disabled={busy} onClick={() => void prefill()} />
          <ActionButton variant='secondary' label='保存到企业档案' disabled={busy} onClick={() => void save()} />
          {profileError ? (
            <View className='error-text' ariaRole='alert'>
              {profileError}
            </View>
          ) : null}
        </View>
      ) : (
        <View className='muted'>无需登录即可测算；登录并选择企业后，可从企业档案预填并保存</View>
      )}

      {calculation.kind === 'error' ? (
        <StatusView kind='error' text={`测算失败：${calculation.text}`} onRetry={retry} />
      ) : null}
      {calculation.results ? (
        <View>
          {calculation.kind === 'loading' ? <View className='muted'>正在重新测算…</View> : null}
          <CalculatorResults results={calculation.results} onOpen={props.onOpen} />
        </View>
      ) : calculation.kind === 'loading' ? (
        <StatusView kind='loading' text='正在测算…' />
      ) : null}
    </View>
  )
}
