import { PageShell } from '../../../../core/PageShell'
import { ROUTES } from '../../../../core/routes'
import { SignInRequired } from '../../../../core/SignInRequired'
import { useEnterpriseContext } from '../../../../core/enterpriseContext'
import { FaceVerifyPanel } from '../../../../features/face/FaceVerifyPanel'
import { SealsScreen } from '../../../../features/seals/SealsScreen'
import { navigateTo } from '../../../../platform/navigation'
import { ActionButton } from '../../../../ui/ActionButton'
import { StatusView } from '../../../../ui/StatusView'

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
            onAcceptInvite={() => navigateTo(ROUTES.inviteAccept)}
          />
        ) : (
          <>
            <StatusView kind='empty' text='还没有关联企业' hint='法定代表人可刷脸关联本人名下的企业' />
            <ActionButton label='刷脸办事' onClick={() => navigateTo(ROUTES.face)} />
            <ActionButton
              label='我是经办人：输入邀请码'
              variant='secondary'
              onClick={() => navigateTo(ROUTES.inviteAccept)}
            />
            <ActionButton label='个人电子签名' variant='secondary' onClick={() => navigateTo(ROUTES.signatureClaim)} />
          </>
        )}
      </SignInRequired>
    </PageShell>
  )
}
