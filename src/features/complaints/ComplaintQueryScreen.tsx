import { useState } from 'react'
import { View } from '@tarojs/components'
import type { ComplaintView } from '../../contract/complaints/schemas'
import { getComplaintByCode } from '../../api/complaints/getComplaintByCode'
import { userMessage } from '../../api/errors'
import { apiClient } from '../../core/apiClient'
import { isValidQueryCode, normaliseQueryCode } from '../../domain/complaints/queryCode'
import { ActionButton } from '../../ui/ActionButton'
import { TextField } from '../../ui/TextField'
import { ComplaintCaseView } from './ComplaintCaseView'

/** 按查询码查询: an anonymous case followed by the code it was given. */
export function ComplaintQueryScreen() {
  const [code, setCode] = useState('')
  const [problem, setProblem] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)
  const [view, setView] = useState<ComplaintView | null>(null)

  const query = async () => {
    if (normaliseQueryCode(code) === '') return setProblem('请输入查询码')
    // The check character catches a mistyped symbol before the server is asked.
    if (!isValidQueryCode(code)) return setProblem('查询码有误，请核对后重新输入')
    setProblem(undefined)
    setBusy(true)
    try {
      setView(await getComplaintByCode(apiClient, normaliseQueryCode(code)))
    } catch (e) {
      setView(null)
      setProblem(userMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View>
      <View className='card'>
        <TextField
          label='查询码'
          value={code}
          maxlength={16}
          placeholder='10 位查询码，如 ABCDE-FGHJK'
          error={problem}
          onChange={setCode}
        />
        <ActionButton label='查询' disabled={busy} onClick={() => void query()}>
          {busy ? '正在查询…' : '查询'}
        </ActionButton>
        <View className='muted'>查询码在匿名提交成功时显示，请妥善保存</View>
      </View>
      {view ? <ComplaintCaseView view={view} showPhotos={false} /> : null}
    </View>
  )
}
