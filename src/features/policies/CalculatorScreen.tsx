import { useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import { userMessage } from '../../api/errors'
import { getProfileFacts } from '../../api/policies/getProfileFacts'
import { listPolicies } from '../../api/policies/listPolicies'
import { saveProfileFacts } from '../../api/policies/saveProfileFacts'
import { apiClient } from '../../core/apiClient'
import { CALCULATOR_STEPS, type EnterpriseProfile } from '../../domain/policies/profile'
import { toast } from '../../platform/feedback'
import { ActionButton } from '../../ui/ActionButton'
import { ErrorText } from '../../ui/ErrorText'
import { StatusView } from '../../ui/StatusView'
import { CalculatorResults } from './CalculatorResults'
import { zonesInCatalogue } from './calculatorOptions'
import { useCalculatorDraft } from './calculatorDraft'
import { FactInput } from './FactInput'
import { usePolicyCalculation } from './usePolicyCalculation'

/**
 * 政策计算器: the enterprise's facts one question at a time, the results updating as they are
 * answered. No login needed; signed in with an enterprise, the answers can be pre-filled from and
 * saved to its profile.
 */
export function CalculatorScreen(props: {
  enterpriseId: string | null
  /** The enterprise's name, to say whose facts are shown. */
  enterpriseName?: string | null
  onOpen: (policyId: string) => void
}) {
  const { profile, step, owner, prefilled, setFact, setStep, merge, start, clear } = useCalculatorDraft()
  const [zones, setZones] = useState<string[]>([])
  // 查看结果 pressed at the last step: the questions fold away and the results lead.
  const [finished, setFinished] = useState(false)
  // Bumped when answers change from outside the inputs (pre-fill, 重新填写) so they show the new values.
  const [revision, setRevision] = useState(0)
  const [busy, setBusy] = useState(false)
  const [profileError, setProfileError] = useState<string | null>(null)
  // Typed into the current question but not (yet) an answer, e.g. 「许昌」 for a region code.
  const [typed, setTyped] = useState('')
  const { enterpriseId } = props
  const opening = useOpeningDraft(enterpriseId, start)
  const index = Math.min(Math.max(step, 0), CALCULATOR_STEPS.length - 1)
  const current = CALCULATOR_STEPS[index]
  const answered = CALCULATOR_STEPS.filter((s) => profile[s.field] !== undefined).length
  // No verdict before any answer: an empty profile is 差一点 on everything, which says nothing.
  const { calculation, retry } = usePolicyCalculation(profile, answered > 0)
  const askingZone = current.input === 'zone'

  useEffect(() => {
    // The zone chips are a shortcut, fetched only when that question is on screen (not before
    // the first paint); typing a zone's name still works without them.
    if (!askingZone || zones.length) return
    listPolicies(apiClient, { limit: '50' })
      .then((page) => setZones(zonesInCatalogue(page.items)))
      .catch(() => undefined)
  }, [askingZone, zones.length])
  const pending = profile[current.field] === undefined && typed.trim() !== ''
  const goTo = (next: number) => {
    setTyped('')
    setFinished(false)
    setStep(next)
  }

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
      setTyped('')
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

  if (opening.kind === 'loading') return <StatusView kind='loading' text='正在读取企业档案…' />
  if (opening.kind === 'error')
    return <StatusView kind='error' text={`企业档案读取失败：${opening.text}`} onRetry={opening.retry} />

  const whose = props.enterpriseName ?? '本企业'
  return (
    <View>
      {enterpriseId && owner === enterpriseId ? (
        <View className='card'>
          <View className='title'>{prefilled ? `按 ${whose} 的企业档案测算` : `为 ${whose} 测算`}</View>
          <View className='muted'>
            {prefilled
              ? '在此修改只用于测算，点「保存到企业档案」才会更新档案'
              : `未使用 ${whose} 的企业档案，可点「从企业档案预填」`}
          </View>
        </View>
      ) : null}
      {finished ? (
        <View className='card'>
          <View className='muted'>
            已回答 {answered} / {CALCULATOR_STEPS.length} 项
          </View>
          <ActionButton variant='secondary' label='修改答案' onClick={() => setFinished(false)} />
        </View>
      ) : (
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
            zones={zones}
            onChange={(value) => setFact(current.field, value as never)}
            onTyped={setTyped}
          />
          {pending ? (
            <View className='error-text' ariaRole='alert'>
              「{typed.trim()}」还不是有效的回答：请从候选中选择，或按提示填写完整
            </View>
          ) : null}
          <View className='row'>
            {index > 0 ? <ActionButton variant='secondary' label='上一步' onClick={() => goTo(index - 1)} /> : null}
            {index < CALCULATOR_STEPS.length - 1 ? (
              <ActionButton
                variant={pending ? 'secondary' : 'primary'}
                label={pending ? '不填此项，清空并跳过' : profile[current.field] === undefined ? '跳过' : '下一步'}
                onClick={() => goTo(index + 1)}
              />
            ) : (
              <ActionButton label='查看结果' disabled={answered === 0} onClick={() => setFinished(true)} />
            )}
          </View>
          <ActionButton
            variant='secondary'
            label='重新填写'
            onClick={() => {
              clear()
              setFinished(false)
              setTyped('')
              setRevision((r) => r + 1)
            }}
          />
        </View>
      )}

      {enterpriseId ? (
        <View className='card'>
          <ActionButton variant='secondary' label='从企业档案预填' disabled={busy} onClick={() => void prefill()} />
          <ActionButton variant='secondary' label='保存到企业档案' disabled={busy} onClick={() => void save()} />
          <ErrorText message={profileError} />
        </View>
      ) : (
        <View className='muted'>无需登录即可测算；登录并选择企业后，可从企业档案预填并保存</View>
      )}

      {answered === 0 ? (
        <View className='muted' ariaRole='status'>
          回答问题后即可看到测算结果，可随时跳过不清楚的问题
        </View>
      ) : calculation.kind === 'error' ? (
        <StatusView kind='error' text={`测算失败：${calculation.text}`} onRetry={retry} />
      ) : null}
      {answered > 0 && calculation.results ? (
        <View>
          <View className='title'>{finished ? '测算结果' : '实时测算（答完可点「查看结果」）'}</View>
          {calculation.kind === 'loading' ? <View className='muted'>正在重新测算…</View> : null}
          <CalculatorResults results={calculation.results} onOpen={props.onOpen} />
        </View>
      ) : answered > 0 && calculation.kind === 'loading' ? (
        <StatusView kind='loading' text='正在测算…' />
      ) : null}
    </View>
  )
}

type Opening = { kind: 'ready' } | { kind: 'loading' } | { kind: 'error'; text: string; retry: () => void }

/**
 * The draft to show: opened for an enterprise, its own draft if there is one, else a fresh one
 * pre-filled from its 企业档案 (answers typed signed out or for another enterprise never pass for
 * its facts); opened without one, a draft of nobody's (an enterprise's facts are not kept for a
 * signed-out user).
 */
function useOpeningDraft(
  enterpriseId: string | null,
  start: (owner: string | null, facts: EnterpriseProfile | null) => void,
): Opening {
  const [attempt, setAttempt] = useState(0)
  const [failed, setFailed] = useState<string | null>(null)
  const owner = useCalculatorDraft((s) => s.owner)
  useEffect(() => {
    if (useCalculatorDraft.getState().owner === enterpriseId) return
    if (!enterpriseId) {
      start(null, null)
      return
    }
    let live = true
    setFailed(null)
    getProfileFacts(apiClient, enterpriseId)
      .then(({ profile }) => {
        if (live) start(enterpriseId, profile)
      })
      .catch((e: unknown) => {
        if (live) setFailed(userMessage(e))
      })
    return () => {
      live = false
    }
  }, [enterpriseId, start, attempt])
  if (owner === enterpriseId) return { kind: 'ready' }
  if (failed) return { kind: 'error', text: failed, retry: () => setAttempt((a) => a + 1) }
  return { kind: 'loading' }
}
