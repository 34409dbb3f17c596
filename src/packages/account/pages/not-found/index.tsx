import { PageShell } from '../../../../core/PageShell'
import { ROUTES } from '../../../../core/routes'
import { NotFoundScreen } from '../../../../features/account/NotFoundScreen'
import { switchTab } from '../../../../platform/navigation'

export default function NotFoundPage() {
  return (
    <PageShell>
      <NotFoundScreen onHome={() => void switchTab(ROUTES.workbench)} />
    </PageShell>
  )
}
