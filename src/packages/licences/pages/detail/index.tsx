import { PageShell } from '../../../../core/PageShell'
import { ROUTES } from '../../../../core/routes'
import { SignInRequired } from '../../../../core/SignInRequired'
import { LicenceDetailScreen } from '../../../../features/licences/LicenceDetailScreen'
import { useWallet } from '../../../../features/licences/walletStore'
import { useEnterpriseContext } from '../../../../core/enterpriseContext'
import { usePageParams } from '../../../../platform/lifecycle'
import { back, navigateTo } from '../../../../platform/navigation'
import { StatusView } from '../../../../ui/StatusView'

export default function LicenceDetailPage() {
  const { id } = usePageParams()
  const refreshWallet = () => {
    const enterpriseId = useEnterpriseContext.getState().currentId
    if (enterpriseId) void useWallet.getState().refresh(enterpriseId)
  }
  return (
    <PageShell>
      <SignInRequired>
        {id ? (
          <LicenceDetailScreen
            licenceId={id}
            onEdit={() => navigateTo(ROUTES.licenceForm, { id })}
            onDeleted={() => back({ fallback: ROUTES.licences })}
            onChanged={refreshWallet}
          />
        ) : (
          <StatusView kind='error' text='链接缺少证照编号，请返回证照列表重新打开' />
        )}
      </SignInRequired>
    </PageShell>
  )
}
