import type { FaceStep } from '../../src/core/faceStep'
import type { PersonalSignatureView } from '../../src/contract/esign/schemas'

/**
 * Stands in for the page's face panel (the platform's face verification): a button that hands over
 * a ticket for the purpose asked, named `刷脸:<purpose>`. `ticket` is fixed, or made from the purpose.
 */
export function fakeFaceStep(ticket: string | ((purpose: string) => string), nameMasked = ''): FaceStep {
  const FakeFace: FaceStep = (props) => (
    <button
      onClick={() =>
        props.onTicket({
          ticket: typeof ticket === 'string' ? ticket : ticket(props.purpose),
          purpose: props.purpose,
          expiresAt: '',
          person: { nameMasked, idNumberMasked: '' },
        })
      }
    >
      {`刷脸:${props.purpose}`}
    </button>
  )
  return FakeFace
}

/** 张建国's claimed personal signature, as GET /signatures/mine answers it. */
export const CLAIMED_SIGNATURE: PersonalSignatureView = {
  id: 'p0000000-0000-4000-8000-000000000001',
  holderName: '张建国',
  idNumberMasked: '4110**********0371',
  imageKind: 'drawn',
  imageSvg: '<svg/>',
  validFrom: '2026-11-22T00:00:00.000Z',
  validTo: '2029-11-21T16:00:00.000Z',
  status: 'valid',
  createdAt: '2026-11-22T00:00:00.000Z',
  publicKeyPem: 'PEM',
  signatureAlgorithm: '1.2.156.10197.1.501',
}
