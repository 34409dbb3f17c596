/**
 * A kind of administrative licence an enterprise holds, as the catalogue describes it. Lead times
 * and validity vary by regulation and sometimes by province, so a city can override any entry
 * with data (see ./catalogue `mergeCatalogue`).
 */
import type { LeadRule } from './leadRules'

export type AuthorityKind =
  | 'ecology-environment'
  | 'housing-construction'
  | 'emergency-management'
  | 'water'
  | 'market-regulation'
  | 'drug-administration'
  | 'health'
  | 'human-resources'
  | 'telecom'
  | 'culture-tourism'
  | 'press-publication'
  | 'transport'
  | 'tobacco'
  | 'commerce'
  | 'administrative-approval'

export const AUTHORITY_KIND_LABELS: Record<AuthorityKind, string> = {
  'ecology-environment': '生态环境部门',
  'housing-construction': '住房和城乡建设部门',
  'emergency-management': '应急管理部门',
  water: '水行政主管部门',
  'market-regulation': '市场监督管理部门',
  'drug-administration': '药品监督管理部门',
  health: '卫生健康部门',
  'human-resources': '人力资源和社会保障部门',
  telecom: '通信管理局',
  'culture-tourism': '文化和旅游部门',
  'press-publication': '出版主管部门',
  transport: '交通运输部门',
  tobacco: '烟草专卖局',
  commerce: '商务部门',
  // Cities that concentrate licensing powers (相对集中行政许可权改革) issue many licences here.
  'administrative-approval': '行政审批服务局',
}

/** What "renewal" is called for this licence: the deadline rules are the same. */
export type RenewalProcedure = 'renewal' | 'reissue' | 'revalidation' | 'inspection'

export const RENEWAL_PROCEDURE_LABELS: Record<RenewalProcedure, string> = {
  renewal: '延续',
  reissue: '换证（重新审查发证）',
  revalidation: '校验',
  inspection: '定期检验',
}

export interface LicenceType {
  /** stable identifier, lower-case words joined by '-', e.g. 'pollutant-discharge' */
  code: string
  /** 排污许可证 */
  name: string
  authorityKind: AuthorityKind
  /** usual validity; null when it varies by province or is printed on each certificate */
  validityYears: number | null
  leadRule: LeadRule
  procedure: RenewalProcedure
  /** 需准备的材料 */
  materials: readonly string[]
  /** 办理渠道 */
  applyAt: string
  /** the regulation the rule comes from, or why the default applies */
  source: string
}
