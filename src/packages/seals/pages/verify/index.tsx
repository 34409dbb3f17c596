import { PageShell } from '../../../../core/PageShell'
import { readVerificationLink } from '../../../../features/signing/verificationLink'
import { VerifyScreen } from '../../../../features/signing/VerifyScreen'
import { canScanCode } from '../../../../platform/capabilities'
import { usePageParams } from '../../../../platform/lifecycle'
import { scan } from '../../../../platform/scan'

const scanCode = async () => (await scan())?.value ?? null

/**
 * 验章 works without login. The verification link signing produces carries `record` (the signature
 * record's id) and `hash` (the document's SM3); older links carried the record itself (`record`,
 * URL-encoded JSON) and `sm3`; a link that is neither says it is broken (readVerificationLink).
 */
export default function VerifyPage() {
  const link = readVerificationLink(usePageParams())
  return (
    <PageShell>
      <VerifyScreen
        initialRecordId={link.recordId}
        initialHash={link.hash}
        initialRecord={link.record}
        initialSm3={link.sm3}
        linkBroken={link.broken}
        // No scanner on H5 (platform/capabilities.ts): there the QR's link itself opens this page.
        onScan={canScanCode ? scanCode : undefined}
      />
    </PageShell>
  )
}
