import type { SealVerificationChecks, SealVerificationRequest } from '../../../server/contract-seals'

/** Each check of 验章, in the order a reader would ask, with a plain-Chinese verdict either way. */
export const VERIFICATION_CHECKS: readonly {
  key: keyof SealVerificationChecks
  name: string
  passed: string
  failed: string
}[] = [
  {
    key: 'hashMatches',
    name: '文件完整性',
    passed: '文件与签章时一致，未被修改',
    failed: '文件与签章时不一致：文件可能被修改过，或不是签章的那份文件',
  },
  { key: 'signatureValid', name: '签名', passed: '签名真实有效', failed: '签名无效：签章记录可能被篡改或伪造' },
  {
    key: 'sealValidAtSigningTime',
    name: '印章有效期',
    passed: '签章时印章在有效期内',
    failed: '签章时印章不在有效期内',
  },
  {
    key: 'signerAuthorisedAtSigningTime',
    name: '签章人授权',
    passed: '签章人在签章时有权使用该印章',
    failed: '签章人在签章时没有使用该印章的授权',
  },
  { key: 'sealNotRevoked', name: '印章状态', passed: '印章未被注销', failed: '印章已被注销' },
]

export type RecordProblem = 'empty' | 'json' | 'fields'

export const RECORD_PROBLEM_MESSAGES: Record<RecordProblem, string> = {
  empty: '请粘贴签章记录',
  json: '签章记录不是有效的 JSON，请完整复制后再粘贴',
  fields: '签章记录缺少待签数据、签名值或签名公钥，请确认复制的是完整的签章记录',
}

type RecordInput = SealVerificationRequest['signatureRecord']

/** Reads a pasted signature record; only the three fields the server relies on are required. */
export function parseSignatureRecord(
  text: string,
): { ok: true; record: RecordInput } | { ok: false; problem: RecordProblem } {
  if (text.trim() === '') return { ok: false, problem: 'empty' }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { ok: false, problem: 'json' }
  }
  const record = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>
  const required = ['tbs', 'signature', 'signerPublicKey'] as const
  if (!required.every((key) => typeof record[key] === 'string' && record[key] !== '')) {
    return { ok: false, problem: 'fields' }
  }
  return { ok: true, record: record as unknown as RecordInput }
}

/** SM3 digests are 256 bits: 64 hex characters. Returns the lower-case form, or null. */
export function normaliseSm3(text: string): string | null {
  const hex = text.trim().toLowerCase()
  return /^[0-9a-f]{64}$/.test(hex) ? hex : null
}
