import { PageShell } from '../../../../core/PageShell'
import { SignInRequired } from '../../../../core/SignInRequired'
import { FaceVerifyPanel } from '../../../../features/face/FaceVerifyPanel'
import { SignScreen } from '../../../../features/signing/SignScreen'
import { platform } from '../../../../platform/env'
import { usePageParams } from '../../../../platform/lifecycle'
import { scan } from '../../../../platform/scan'

// H5 has no scanner (see platform/scan.ts): there the QR's landing link brings the ticket as ?t=.
const scanCode = platform === 'h5' ? undefined : async () => (await scan())?.value ?? null

/** The page a 签章码 opens (`?t=<ticket>`), or opened from 工作台 to scan one. */
export default function SignPage() {
  const { t } = usePageParams()
  return (
    <PageShell>
      <SignInRequired reason='登录后即可扫码签章'>
        <SignScreen initialInput={t} onScan={scanCode} FaceStep={FaceVerifyPanel} />
      </SignInRequired>
    </PageShell>
  )
}
