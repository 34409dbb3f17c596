/**
 * The one-time invite code of a seal grant: 12 Crockford base32 characters shown as
 * XXXX-XXXX-XXXX (server/capabilities/esign/seals/grants.ts). App and server read it the same way, leniently, as Crockford intends for codes typed
 * or read aloud: any case, spaces or dashes anywhere, O for 0 and I or L for 1.
 */

export type InviteCodeProblem = 'empty' | 'length' | 'characters'

export const INVITE_CODE_PROBLEM_MESSAGES: Record<InviteCodeProblem, string> = {
  empty: '请输入邀请码',
  length: '邀请码应为 12 位字母或数字，如 7K3M-Q9TX-2HCD',
  characters: '邀请码只包含数字和字母（不含 U），请核对后重新输入',
}

export function readInviteCode(raw: string): { ok: true; code: string } | { ok: false; problem: InviteCodeProblem } {
  const compact = raw
    .toUpperCase()
    .replace(/[\s\-–—_]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
  if (compact === '') return { ok: false, problem: 'empty' }
  if (!/^[0-9A-HJKMNP-TV-Z]*$/.test(compact)) return { ok: false, problem: 'characters' }
  if (compact.length !== 12) return { ok: false, problem: 'length' }
  return { ok: true, code: `${compact.slice(0, 4)}-${compact.slice(4, 8)}-${compact.slice(8)}` }
}
