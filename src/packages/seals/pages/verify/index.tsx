import { PageShell } from '../../../../core/PageShell'
import { VerifyScreen } from '../../../../features/signing/VerifyScreen'
import { usePageParams } from '../../../../platform/lifecycle'

/** 验章 works without login; a link may carry the record (`record`, URL-encoded JSON) and `sm3`. */
export default function VerifyPage() {
  const { record, sm3 } = usePageParams()
  return (
    <PageShell>
      <VerifyScreen initialRecord={decodeParam(record)} initialSm3={sm3} />
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
