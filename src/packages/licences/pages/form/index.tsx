import { useEnterpriseContext } from '../../../../core/enterpriseContext'
import { PageShell } from '../../../../core/PageShell'
import { ROUTES } from '../../../../core/routes'
import { SignInRequired } from '../../../../core/SignInRequired'
import { NoEnterpriseCard } from '../../../../features/enterprise/NoEnterpriseCard'
import { LicenceFormScreen } from '../../../../features/licences/LicenceFormScreen'
import { useWallet } from '../../../../features/licences/walletStore'
import { toast } from '../../../../platform/feedback'
import { usePageParams } from '../../../../platform/lifecycle'
import { navigateTo, redirectTo } from '../../../../platform/navigation'

export default function LicenceFormPage() {
  const { id } = usePageParams()
  const enterpriseId = useEnterpriseContext((s) => s.currentId)
  return (
    <PageShell>
      <SignInRequired>
        {enterpriseId ? (
          <LicenceFormScreen
            enterpriseId={enterpriseId}
            licenceId={id}
            onSaved={(licence) => {
              toast('已保存', 'success')
              void useWallet.getState().refresh(licence.enterpriseId)
              void redirectTo(ROUTES.licenceDetail, { id: licence.id })
            }}
          />
        ) : (
          <NoEnterpriseCard
            onFaceLink={() => navigateTo(ROUTES.face)}
            onInvite={() => navigateTo(ROUTES.inviteAccept)}
          />
        )}
      </SignInRequired>
    </PageShell>
  )
}
