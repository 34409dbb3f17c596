/**
 * The seal schemas live in the one contract (src/contract/esign/schemas.ts). What is left here is
 * the name the enterprise-members route (account) still uses, until that route is converted.
 */
export { SealGrantView as sealGrantViewSchema } from '../../../../src/contract/esign/schemas'
