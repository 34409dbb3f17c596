import { PageShell } from '../../../../core/PageShell'
import { SignInRequired } from '../../../../core/SignInRequired'
import { FaceVerifyPanel } from '../../../../features/face/FaceVerifyPanel'
import { SignLinkInvalid } from '../../../../features/signing/SignLinkInvalid'
import { SignScreen } from '../../../../features/signing/SignScreen'
import { canScanCode } from '../../../../platform/capabilities'
import { usePageParams } from '../../../../platform/lifecycle'
import { redirectTo } from '../../../../platform/navigation'
import { ROUTES } from '../../../../core/routes'
import { scan } from '../../../../platform/scan'

const scanCode = async () => (await scan())?.value ?? null

/** From a bad link's page: scan another code and open it as if its link had been followed. */
async function scanAgain() {
  const value = await scanCode()
  if (value) await redirectTo(ROUTES.sign, { t: value })
}

/**
 * The page a 签章码 opens (`?t=<ticket>`; `?e=not-ours` when the link was not a ticket), or opened from
 * 工作台 to scan one.
 */
export default function SignPage() {
  const { t, e } = usePageParams()
  // No scanner on H5 (platform/capabilities.ts): there the QR's landing link brings the ticket as ?t=.
  const onScan = canScanCode ? scanCode : undefined
  if (e === 'not-ours') {
    return (
      <PageShell>
        <SignLinkInvalid onScan={onScan ? scanAgain : undefined} />
      </PageShell>
    )
  }
  return (
    <PageShell>
      <SignInRequired reason='登录后即可扫码签章'>
        <SignScreen initialInput={t} onScan={onScan} FaceStep={FaceVerifyPanel} />
      </SignInRequired>
    </PageShell>
  )
}
