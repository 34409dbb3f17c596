import { PageShell } from '../../../../core/PageShell'
import { VerifyScreen } from '../../../../features/signing/VerifyScreen'
import { platform } from '../../../../platform/env'
import { usePageParams } from '../../../../platform/lifecycle'
import { scan } from '../../../../platform/scan'

// H5 has no scanner (see platform/scan.ts): there the QR's link itself opens this page.
const scanCode = platform === 'h5' ? undefined : async () => (await scan())?.value ?? null

const RECORD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * 验章 works without login. The verification link signing produces carries `record` (the signature
 * record's id) and `hash` (the document's SM3); older links carried the record itself (`record`,
 * URL-encoded JSON) and `sm3`.
 */
export default function VerifyPage() {
  const { record, hash, sm3 } = usePageParams()
  const decoded = decodeParam(record)
  const recordId = decoded && RECORD_ID.test(decoded) ? decoded : undefined
  return (
    <PageShell>
      <VerifyScreen
        initialRecordId={recordId}
        initialHash={decodeParam(hash)}
        initialRecord={recordId ? undefined : decoded}
        initialSm3={sm3}
        onScan={scanCode}
      />
    </PageShell>
  )
}

function decodeParam(value: string | undefined): string | undefined {
  if (!value) return undefined
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}
