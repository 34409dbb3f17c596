import { useEffect, useState } from 'react'
import { useEnterpriseContext } from '../../core/enterpriseContext'
import { PageShell } from '../../core/PageShell'
import { ROUTES } from '../../core/routes'
import { SignInRequired } from '../../core/SignInRequired'
import { EnterpriseSwitcher } from '../../features/enterprise/EnterpriseSwitcher'
import { NoEnterpriseCard } from '../../features/enterprise/NoEnterpriseCard'
import { LicenceListScreen } from '../../features/licences/LicenceListScreen'
import { useWallet } from '../../features/licences/walletStore'
import { stopPullDownRefresh, usePageShow, usePullToRefresh } from '../../platform/lifecycle'
import { navigateTo } from '../../platform/navigation'

export default function LicencesPage() {
  const enterpriseId = useEnterpriseContext((s) => s.currentId)
  const [switching, setSwitching] = useState(false)
  const refresh = () => (enterpriseId ? useWallet.getState().refresh(enterpriseId) : Promise.resolve())
  usePageShow(() => void refresh())
  usePullToRefresh(() => void refresh().finally(stopPullDownRefresh))
  // Another enterprise chosen here (切换) or elsewhere: close the switcher and load its licences.
  useEffect(() => {
    setSwitching(false)
    if (enterpriseId && !useWallet.getState().byEnterprise[enterpriseId])
      void useWallet.getState().refresh(enterpriseId)
  }, [enterpriseId])

  return (
    <PageShell>
      <SignInRequired reason='登录后查看企业的全部证照及续期时间'>
        {switching ? (
          <EnterpriseSwitcher
            onFaceLink={() => navigateTo(ROUTES.face)}
            onInvite={() => navigateTo(ROUTES.inviteAccept)}
          />
        ) : null}
        {enterpriseId ? (
          <LicenceListScreen
            enterpriseId={enterpriseId}
            onOpen={(id) => navigateTo(ROUTES.licenceDetail, { id })}
            onAdd={() => navigateTo(ROUTES.licenceForm)}
            onExport={() => navigateTo(ROUTES.licenceExport)}
            onSwitch={() => setSwitching((open) => !open)}
          />
        ) : (
          <NoEnterpriseCard
            why='关联企业后，这里列出企业的全部证照和续期时间。'
            onFaceLink={() => navigateTo(ROUTES.face)}
            onInvite={() => navigateTo(ROUTES.inviteAccept)}
          />
        )}
      </SignInRequired>
    </PageShell>
  )
}
