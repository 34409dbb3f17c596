/**
 * Catalogue entries: environment, water, construction, work safety and special equipment.
 * Each `source` names the regulation the lead rule comes from; article numbers are given only
 * where checked. Where no specific rule was found, the 行政许可法 第五十条 default applies and
 * the note says so.
 */
import { DEFAULT_LEAD_RULE, DEFAULT_LEAD_RULE_NOTE } from '../leadRules'
import type { LicenceType } from '../licenceType'

const SAFETY_LICENCE_SOURCE =
  '《安全生产许可证条例》第九条：有效期3年；期满需要延期的，应当于期满前3个月向原发证机关办理延期手续'

export const ENVIRONMENT_AND_SAFETY_TYPES: readonly LicenceType[] = [
  {
    code: 'pollutant-discharge',
    name: '排污许可证',
    authorityKind: 'ecology-environment',
    validityYears: 5,
    leadRule: { kind: 'calendarDays', days: 60 },
    procedure: 'renewal',
    materials: [
      '排污许可证延续申请表',
      '排污许可证正本、副本',
      '自行监测方案及近期执行报告',
      '污染物排放及治理设施变化情况说明',
    ],
    applyAt: '全国排污许可证管理信息平台网上申报，或属地生态环境局政务服务窗口',
    source: '《排污许可管理条例》（国务院令第736号）第十四条：有效期5年；届满需继续排放的，应当于届满60日前提出申请',
  },
  {
    code: 'hazardous-waste-operation',
    name: '危险废物经营许可证',
    authorityKind: 'ecology-environment',
    validityYears: 5,
    leadRule: { kind: 'workingDays', days: 30 },
    procedure: 'reissue',
    materials: ['换证申请书', '原危险废物经营许可证', '有效期内经营情况报告', '设施、人员、管理制度变化情况说明'],
    applyAt: '省级（医疗废物为设区的市级）生态环境部门政务服务窗口或网上办事大厅',
    source:
      '《危险废物经营许可证管理办法》第十二条：综合经营许可证有效期5年、收集经营许可证3年；届满30个工作日前向原发证机关提出换证申请',
  },
  {
    code: 'radiation-safety',
    name: '辐射安全许可证',
    authorityKind: 'ecology-environment',
    validityYears: 5,
    leadRule: { kind: 'calendarDays', days: 30 },
    procedure: 'renewal',
    materials: [
      '延续申请报告',
      '原辐射安全许可证',
      '监测报告及辐射安全和防护状况年度评估报告',
      '辐射工作人员培训及个人剂量监测情况',
    ],
    applyAt: '发证的生态环境部门政务服务窗口或全国核技术利用辐射安全申报系统',
    source: '《放射性同位素与射线装置安全许可管理办法》：许可证有效期5年；届满需延续的，于届满30日前提出延续申请',
  },
  {
    code: 'water-abstraction',
    name: '取水许可证',
    authorityKind: 'water',
    validityYears: 5,
    leadRule: { kind: 'calendarDays', days: 45 },
    procedure: 'renewal',
    materials: ['延续取水申请书', '原取水许可证', '取水计量及用水情况说明', '水资源论证或取水情况评估材料（按要求）'],
    applyAt: '原审批的水行政主管部门或流域管理机构政务服务窗口',
    source:
      '《取水许可和水资源费征收管理条例》第二十五条：有效期一般5年、最长不超过10年；届满需延续的，应当在届满45日前提出申请',
  },
  {
    code: 'sewage-discharge-to-network',
    name: '城镇污水排入排水管网许可证',
    authorityKind: 'housing-construction',
    validityYears: 5,
    leadRule: { kind: 'calendarDays', days: 30 },
    procedure: 'renewal',
    materials: ['排水许可延续申请表', '原排水许可证', '排水水质、水量检测报告', '预处理设施运行情况说明'],
    applyAt: '城镇排水主管部门（住建、水务）政务服务窗口',
    source: '《城镇污水排入排水管网许可管理办法》：排水许可证有效期5年；需继续排放的，应当在有效期届满30日前提出申请',
  },
  {
    code: 'construction-safety-production',
    name: '建筑施工企业安全生产许可证',
    authorityKind: 'housing-construction',
    validityYears: 3,
    leadRule: { kind: 'months', months: 3 },
    procedure: 'renewal',
    materials: [
      '延期申请表',
      '安全生产许可证正本、副本',
      '企业主要负责人、项目负责人、专职安全生产管理人员考核合格证明',
      '安全生产管理制度及事故情况说明',
    ],
    applyAt: '省级住房和城乡建设主管部门网上办事大厅',
    source: `${SAFETY_LICENCE_SOURCE}；《建筑施工企业安全生产许可证管理规定》同此`,
  },
  {
    code: 'mining-safety-production',
    name: '非煤矿矿山企业安全生产许可证',
    authorityKind: 'emergency-management',
    validityYears: 3,
    leadRule: { kind: 'months', months: 3 },
    procedure: 'renewal',
    materials: ['延期申请书', '安全生产许可证正本、副本', '安全现状评价报告', '主要负责人和安全管理人员考核合格证明'],
    applyAt: '省级或设区的市级应急管理部门政务服务窗口',
    source: SAFETY_LICENCE_SOURCE,
  },
  {
    code: 'hazchem-safety-production',
    name: '危险化学品生产企业安全生产许可证',
    authorityKind: 'emergency-management',
    validityYears: 3,
    leadRule: { kind: 'months', months: 3 },
    procedure: 'renewal',
    materials: ['延期申请书', '安全生产许可证正本、副本', '安全现状评价报告', '安全生产标准化及隐患排查治理情况'],
    applyAt: '省级应急管理部门（或其委托的设区的市级部门）政务服务窗口',
    source: `${SAFETY_LICENCE_SOURCE}；《危险化学品生产企业安全生产许可证实施办法》同此`,
  },
  {
    code: 'hazchem-operation',
    name: '危险化学品经营许可证',
    authorityKind: 'emergency-management',
    validityYears: 3,
    leadRule: { kind: 'months', months: 3 },
    procedure: 'renewal',
    materials: [
      '延期申请书',
      '经营许可证正本、副本',
      '安全评价报告（带储存设施的）',
      '主要负责人和安全管理人员培训合格证明',
    ],
    applyAt: '设区的市级或县级应急管理部门政务服务窗口',
    source:
      '《危险化学品经营许可证管理办法》（原国家安监总局令第55号）：有效期3年；需继续经营的，应当在有效期满3个月前提出延期申请',
  },
  {
    code: 'hazchem-use',
    name: '危险化学品安全使用许可证',
    authorityKind: 'emergency-management',
    validityYears: 3,
    leadRule: { kind: 'months', months: 3 },
    procedure: 'renewal',
    materials: ['延期申请书', '安全使用许可证正本、副本', '安全评价报告', '主要负责人和安全管理人员培训合格证明'],
    applyAt: '设区的市级应急管理部门政务服务窗口',
    source: '《危险化学品安全使用许可证实施办法》：有效期3年；需要延期的，应当在有效期届满前3个月提出延期申请',
  },
  {
    code: 'construction-enterprise-qualification',
    name: '建筑业企业资质证书',
    authorityKind: 'housing-construction',
    validityYears: 5,
    leadRule: { kind: 'months', months: 3 },
    procedure: 'renewal',
    materials: [
      '资质延续申请表',
      '资质证书正本、副本',
      '企业注册人员、技术负责人情况',
      '近期工程业绩及安全质量情况说明',
    ],
    applyAt: '原资质许可机关（住房和城乡建设部门）网上办事系统',
    source:
      '《建筑业企业资质管理规定》（住建部令第22号）：有效期5年；需延续的，应当在有效期届满3个月前提出延续申请。注意：住建部近年多次统一延长资质证书有效期，以证载及最新通知为准',
  },
  {
    code: 'gas-operation',
    name: '燃气经营许可证',
    authorityKind: 'housing-construction',
    validityYears: null,
    leadRule: DEFAULT_LEAD_RULE,
    procedure: 'renewal',
    materials: [
      '燃气经营许可延续申请表',
      '燃气经营许可证正本、副本',
      '安全评价报告',
      '主要负责人、安全管理人员及运行维护和抢修人员培训考核合格证明',
    ],
    applyAt: '县级以上燃气管理部门（住建或城市管理部门）政务服务窗口',
    source: `《城镇燃气管理条例》第十五条；许可证有效期由省级燃气管理部门确定（建城〔2011〕174号）。提前期${DEFAULT_LEAD_RULE_NOTE}，可按本省办法配置`,
  },
  {
    code: 'special-equipment-production',
    name: '特种设备生产许可证',
    authorityKind: 'market-regulation',
    validityYears: 4,
    leadRule: { kind: 'window', earliest: { kind: 'months', months: 12 }, latest: { kind: 'months', months: 6 } },
    procedure: 'reissue',
    materials: ['换证申请书', '原特种设备生产许可证', '有效期内生产业绩及监督检验情况', '质量保证体系运行情况自查报告'],
    applyAt: '国家或省级市场监督管理部门特种设备许可网上申请系统',
    source:
      '《特种设备生产和充装单位许可规则》（TSG 07-2019）：有效期4年；应当在有效期届满的6个月以前（并且不超过12个月）提出换证申请',
  },
  {
    code: 'special-equipment-inspection',
    name: '特种设备定期检验（使用登记）',
    authorityKind: 'market-regulation',
    validityYears: 1,
    leadRule: { kind: 'months', months: 1 },
    procedure: 'inspection',
    materials: ['特种设备使用登记证', '上次定期检验报告', '日常维护保养及自行检查记录', '作业人员持证情况'],
    applyAt: '向特种设备检验机构提出定期检验要求（使用登记在市场监督管理部门）',
    source:
      '《特种设备安全法》第四十条：使用单位应当在检验合格有效期届满前一个月向特种设备检验机构提出定期检验要求。检验周期依设备种类（多为1年），以检验报告为准',
  },
]
