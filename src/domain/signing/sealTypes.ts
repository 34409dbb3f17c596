/**
 * The seal set a legal representative claims (粤商通 / 深圳 / 周口 practice): 企业公章, 财务专用章,
 * 合同专用章 and 法定代表人名章. 发票专用章 needs the tax authority's registration and is not issued here.
 */

/** The one list of seal types: the wire contract's enum (src/contract/esign/schemas.ts) is built from it. */
export const SEAL_TYPES = ['official', 'finance', 'contract', 'legal_representative'] as const

export type SealType = (typeof SEAL_TYPES)[number]

export const SEAL_TYPE_LABELS: Record<SealType, string> = {
  official: '企业公章',
  finance: '财务专用章',
  contract: '合同专用章',
  legal_representative: '法定代表人名章',
}

export function isSealType(value: string): value is SealType {
  return (SEAL_TYPES as readonly string[]).includes(value)
}

/** Seals and personal signatures are issued for this long from the claim. */
export const SEAL_VALIDITY_YEARS = 3

/**
 * The name engraved on the seal: the enterprise's registered name for 公章, the name plus the
 * purpose for the special-purpose seals, and 「<name>印」 for the legal representative's name seal.
 */
export function sealName(type: SealType, enterpriseName: string, legalRepresentative: string): string {
  switch (type) {
    case 'official':
      return enterpriseName
    case 'finance':
      return `${enterpriseName}财务专用章`
    case 'contract':
      return `${enterpriseName}合同专用章`
    case 'legal_representative':
      return `${legalRepresentative}印`
  }
}
