import { PageShell } from '../../core/PageShell'
import { SignInRequired } from '../../core/SignInRequired'
import { StatusView } from '../../ui/StatusView'

// The licence wallet (许证闹钟) lands with its own issue; until then the tab says so plainly.
export default function LicencesPage() {
  return (
    <PageShell>
      <SignInRequired reason='登录后查看企业的全部证照及续期时间'>
        <StatusView kind='empty' text='证照夹即将开放' hint='上线后将在续期截止前按工作日提醒您' />
      </SignInRequired>
    </PageShell>
  )
}
