import { useState } from 'react'
import { PageShell } from '../../../../core/PageShell'
import { ROUTES } from '../../../../core/routes'
import { SignInRequired } from '../../../../core/SignInRequired'
import { ComplaintDetailScreen } from '../../../../features/complaints/ComplaintDetailScreen'
import { stopPullDownRefresh, usePageParams, usePullToRefresh } from '../../../../platform/lifecycle'
import { back } from '../../../../platform/navigation'
import { ActionButton } from '../../../../ui/ActionButton'
import { StatusView } from '../../../../ui/StatusView'

export default function ComplaintDetailPage() {
  const { id } = usePageParams()
  const [reloadSignal, setReloadSignal] = useState(0)
  usePullToRefresh(() => setReloadSignal((n) => n + 1))
  return (
    <PageShell>
      <SignInRequired reason='登录后查看和提交诉求；匿名诉求可凭查询码查询'>
        {id ? (
          <ComplaintDetailScreen complaintId={id} reloadSignal={reloadSignal} onSettled={stopPullDownRefresh} />
        ) : (
          <StatusView kind='error' text='链接缺少诉求编号，请返回「我的诉求」重新打开' />
        )}
        <ActionButton
          variant='secondary'
          label='返回我的诉求'
          onClick={() => void back({ fallback: ROUTES.complaints })}
        />
      </SignInRequired>
    </PageShell>
  )
}
