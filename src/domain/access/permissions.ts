/**
 * Who may do what for an enterprise: the one permission table, read by the server on every
 * enterprise route and by the app to decide which entries to show.
 *
 * Roles (docs/domain.md, "Who uses it"):
 * - 法定代表人 legal_representative: the person the registry names, linked after face verification.
 *   Claims the seal set and "may authorise administrators and handlers per seal, with scope and
 *   validity" (docs/domain.md §2) — so grants, the 用章记录 and the people linked are theirs alone.
 * - 代办 agent (财务代理): "manage many companies" (docs/domain.md) — the enterprise's day-to-day work:
 *   licences and renewals, the policy profile and matches. Not the seals' keys: docs/domain.md gives
 *   seal authority to the legal representative only, so an agent manages no seals, grants or
 *   members, and signs with a seal only under a grant of that seal, like anyone else.
 * - 经办人 handler: exists for one purpose, to sign with a seal they were granted ("scan a QR
 *   code … and sign it with the company seal"). They see the seals granted to them and the
 *   enterprise's registry card (public registry data naming whom they sign for) — never the
 *   licences or the profile facts (revenue, R&D spend, tax grade) behind policy matching.
 *   Their link is GRANT_BOUND: it carries rights only while they hold a live grant, so revoking
 *   or the expiry of the last grant ends everything at once, without a job to run.
 * - staff (员工): a standing link with no operational rights; signs only under a grant.
 */

export const ENTERPRISE_ROLES = ['legal_representative', 'agent', 'handler', 'staff'] as const
export type EnterpriseRole = (typeof ENTERPRISE_ROLES)[number]

export const ENTERPRISE_ACTIONS = [
  'enterprise:read',
  'enterprise:write',
  'licences:read',
  'licences:write',
  'profile:read',
  'profile:write',
  'policies:match',
  'seals:view',
  'seals:claim',
  'seals:revoke',
  'seal:sign',
  'grants:manage',
  'audit:read',
  'members:manage',
] as const
export type EnterpriseAction = (typeof ENTERPRISE_ACTIONS)[number]

const ALL: readonly EnterpriseRole[] = ENTERPRISE_ROLES
const LEGAL_REPRESENTATIVE_ONLY: readonly EnterpriseRole[] = ['legal_representative']
const OPERATIONAL: readonly EnterpriseRole[] = ['legal_representative', 'agent']

/** action → the roles that may do it. */
export const PERMISSIONS: Readonly<Record<EnterpriseAction, readonly EnterpriseRole[]>> = {
  /** The registry card (name, USCC, legal representative, address) and making it one's current enterprise. */
  'enterprise:read': ALL,
  /** Correcting the registry card (its region): the person the registry names. */
  'enterprise:write': LEGAL_REPRESENTATIVE_ONLY,
  'licences:read': OPERATIONAL,
  'licences:write': OPERATIONAL,
  /** The policy profile facts (revenue, R&D, tax grade, qualifications). */
  'profile:read': OPERATIONAL,
  'profile:write': OPERATIONAL,
  /** Policy matches are computed from the profile facts, so they follow profile:read. */
  'policies:match': OPERATIONAL,
  /** The seal list: the legal representative sees every seal, others only those a live grant gives them. */
  'seals:view': ALL,
  'seals:claim': LEGAL_REPRESENTATIVE_ONLY,
  /** 注销 / 重新制章: the seal's keys are the legal representative's alone. */
  'seals:revoke': LEGAL_REPRESENTATIVE_ONLY,
  /** Signing with a seal: the legal representative with any live seal, everyone else only under a live grant of it. */
  'seal:sign': ALL,
  'grants:manage': LEGAL_REPRESENTATIVE_ONLY,
  'audit:read': LEGAL_REPRESENTATIVE_ONLY,
  /** Listing the people linked to the enterprise and removing them. */
  'members:manage': LEGAL_REPRESENTATIVE_ONLY,
}

/** Roles whose link carries rights only while the person holds a live (accepted, unrevoked, unexpired) grant. */
export const GRANT_BOUND_ROLES: readonly EnterpriseRole[] = ['handler']

export function isGrantBound(role: EnterpriseRole): boolean {
  return GRANT_BOUND_ROLES.includes(role)
}

/**
 * May a person linked with `role` do `action`? `hasLiveGrant` is whether they hold a live grant
 * in this enterprise; a grant-bound role without one may do nothing.
 */
export function roleMay(role: EnterpriseRole, action: EnterpriseAction, hasLiveGrant: boolean): boolean {
  if (isGrantBound(role) && !hasLiveGrant) return false
  return PERMISSIONS[action].includes(role)
}

/** The roles that may do `action` (for SQL filters such as who receives licence reminders). */
export function rolesAllowedTo(action: EnterpriseAction): EnterpriseRole[] {
  return [...PERMISSIONS[action]]
}

export const ROLE_LABELS: Readonly<Record<EnterpriseRole, string>> = {
  legal_representative: '法定代表人',
  agent: '代办',
  handler: '经办人',
  staff: '员工',
}

/** What each action is, as the end of 「…无权{label}」. */
export const ACTION_LABELS: Readonly<Record<EnterpriseAction, string>> = {
  'enterprise:read': '查看该企业',
  'enterprise:write': '修改企业档案',
  'licences:read': '查看企业证照',
  'licences:write': '登记或修改企业证照',
  'profile:read': '查看企业经营信息',
  'profile:write': '修改企业经营信息',
  'policies:match': '查看政策匹配结果',
  'seals:view': '查看企业印章',
  'seals:claim': '领取电子印章',
  'seals:revoke': '注销或重新制作电子印章',
  'seal:sign': '使用企业印章签署',
  'grants:manage': '管理印章授权',
  'audit:read': '查看用章记录',
  'members:manage': '管理企业成员',
}

/** The Chinese refusal for a linked person whose role lacks `action`. */
export function refusalMessage(role: EnterpriseRole, action: EnterpriseAction): string {
  const onlyLegalRep = PERMISSIONS[action].length === 1 && PERMISSIONS[action][0] === 'legal_representative'
  if (onlyLegalRep) return `仅企业法定代表人可以${ACTION_LABELS[action]}`
  return `您在该企业的身份是${ROLE_LABELS[role]}，无权${ACTION_LABELS[action]}`
}
