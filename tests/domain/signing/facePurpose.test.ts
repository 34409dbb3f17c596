import { facePurposeLabel } from '../../../src/domain/signing/facePurpose'

test.each([
  ['login', '登录'],
  ['claim-seal', '领取印章'],
  ['claim-signature', '领取个人签名'],
  ['grant', '授权'],
  ['sign:5d0c2f1e-8b7a-4c3d-9e2f-1a2b3c4d5e6f', '签署'],
  ['unknown-purpose', null],
])('face purpose %s reads %s', (purpose, label) => {
  expect(facePurposeLabel(purpose)).toBe(label)
})
