import type { EnterpriseSummary } from '../../contract/account/schemas'

export interface JudgedEnterprise {
  /** The enterprise whose facts a policy is judged by; null when there is none to judge. */
  enterprise: Pick<EnterpriseSummary, 'id' | 'name'> | null
  /** A link named an enterprise the user may not act for, so the current one is judged instead. */
  askedUnavailable: boolean
}

/**
 * Which enterprise a policy page judges: the one its link names (e.g. the message 「XX公司符合申报
 * 条件」) when the user may act for it, else the current one. Signed out, none.
 */
export function judgedEnterprise(
  signedIn: boolean,
  enterprises: EnterpriseSummary[],
  currentId: string | null,
  askedId?: string,
): JudgedEnterprise {
  if (!signedIn) return { enterprise: null, askedUnavailable: false }
  const asked = askedId ? enterprises.find((e) => e.id === askedId) : undefined
  const judged = asked ?? enterprises.find((e) => e.id === currentId)
  const fallback = !judged && currentId ? { id: currentId, name: '本企业' } : null
  const enterprise = judged ? { id: judged.id, name: judged.name } : fallback
  return { enterprise, askedUnavailable: !!askedId && !asked && enterprises.length > 0 }
}
