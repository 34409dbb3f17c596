import { PageShell } from '../../../../core/PageShell'
import { ROUTES } from '../../../../core/routes'
import { SignInRequired } from '../../../../core/SignInRequired'
import { useEnterpriseContext } from '../../../../core/enterpriseContext'
import { NoEnterpriseCard } from '../../../../features/enterprise/NoEnterpriseCard'
import { FaceVerifyPanel } from '../../../../features/face/FaceVerifyPanel'
import { SealsScreen } from '../../../../features/seals/SealsScreen'
import { navigateTo } from '../../../../platform/navigation'
import { ActionButton } from '../../../../ui/ActionButton'

export default function SealsPage() {
  const enterpriseId = useEnterpriseContext((s) => s.currentId)
  return (
    <PageShell>
      <SignInRequired reason='登录后即可使用电子印章'>
        {enterpriseId ? (
          <SealsScreen
            key={enterpriseId}
            enterpriseId={enterpriseId}
            FaceStep={FaceVerifyPanel}
            onScanToSign={() => navigateTo(ROUTES.sign)}
            onVerify={() => navigateTo(ROUTES.verifySeal)}
            onSignature={() => navigateTo(ROUTES.signatureClaim)}
            onAudit={() => navigateTo(ROUTES.sealAudit)}
            onReports={() => navigateTo(ROUTES.sealReports)}
            onAcceptInvite={() => navigateTo(ROUTES.inviteAccept)}
          />
        ) : (
          <>
            <NoEnterpriseCard
              why='企业电子印章由法定代表人刷脸领取，经办人凭授权使用。'
              onFaceLink={() => navigateTo(ROUTES.face)}
              onInvite={() => navigateTo(ROUTES.inviteAccept)}
            />
            <ActionButton label='个人电子签名' variant='secondary' onClick={() => navigateTo(ROUTES.signatureClaim)} />
          </>
        )}
      </SignInRequired>
    </PageShell>
  )
}
