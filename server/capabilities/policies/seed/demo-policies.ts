import type { LeafCondition, RegionArea } from '../../../../src/domain/policies/conditions'
import type { Policy } from '../../../../src/domain/policies/policy'
import { regionCodeOfName } from '../../../../src/domain/regions/regionNames'
import type { Qualification } from '../../../../src/domain/policies/profile'
import type { SizeClass } from '../../../../src/domain/policies/sizeClass'

/**
 * Demo 惠企政策 catalogue for development and the H5 sandbox. National entries follow real
 * policies (document numbers cited in `issuer`/`summary`); the Henan/许昌 and Zhejiang/衢州 entries
 * are modelled on the kinds of local policies those cities publish — amounts, windows and
 * conditions are illustrative, not quotations. Together the conditions use every condition kind.
 */

const XUCHANG: RegionArea = { code: '411000', name: '许昌市' }
const WEIDU: RegionArea = { code: '411002', name: '许昌市魏都区' }
const YUZHOU: RegionArea = { code: '411081', name: '禹州市' }
const HENAN: RegionArea = { code: '410000', name: '河南省' }
const QUZHOU: RegionArea = { code: '330800', name: '衢州市' }
const KECHENG: RegionArea = { code: '330802', name: '衢州市柯城区' }
const ZHEJIANG: RegionArea = { code: '330000', name: '浙江省' }
const XC_ETDZ = '许昌经济技术开发区'
const QZ_NEW_CITY = '衢州智造新城'

const inArea = (...areas: RegionArea[]): LeafCondition => ({ id: 'region', kind: 'region', areas })
const size = (...allowed: SizeClass[]): LeafCondition => ({ id: 'size', kind: 'sizeClass', allowed })
const holds = (required: Qualification[], mode: 'any' | 'all' = 'any'): LeafCondition => ({
  id: 'qualification',
  kind: 'qualification',
  required,
  mode,
})
const clean = (years = 3): LeafCondition => ({ id: 'clean', kind: 'noSeriousViolation', years })
const industry = (include: string[], exclude?: string[]): LeafCondition => ({
  id: 'industry',
  kind: 'industry',
  include,
  ...(exclude ? { exclude } : {}),
})
const grade = (...allowed: ('A' | 'B' | 'M')[]): LeafCondition => ({ id: 'tax', kind: 'taxCreditGrade', allowed })
const revenueAtLeast = (minWan: number, label?: string): LeafCondition => ({
  id: 'revenue',
  kind: 'revenue',
  minWan,
  ...(label ? { label } : {}),
})
const exporter: LeafCondition = { id: 'exporter', kind: 'exporter' }
/** 装备制造: 通用、专用、汽车、运输设备、电气、电子、仪器仪表. */
const EQUIPMENT = ['C34', 'C35', 'C36', 'C37', 'C38', 'C39', 'C40']

type Draft = Omit<Policy, 'howToApply' | 'materials' | 'applicationWindow' | 'autoGrant'> &
  Partial<Pick<Policy, 'howToApply' | 'materials' | 'applicationWindow' | 'autoGrant'>>

/**
 * How a policy that needs an application is applied for, by channels that exist: the province's
 * government service portal (searching the policy's name) or the issuing department's window.
 * 政企通 shows and matches policies; it does not take applications.
 */
function applicationRoute(draft: Draft): string {
  const department = draft.issuer.split(/\s+/)[0]
  const counter = department.endsWith('人民政府') ? `${department.slice(0, -4)}政务服务中心` : `${department}办事窗口`
  if (draft.region.startsWith('全国')) {
    return '到企业所在地主管部门或政务服务中心窗口申请，经审核后兑现'
  }
  const portal = /浙江|衢州/.test(draft.region) ? '浙江政务服务网（浙里办）' : '河南政务服务网'
  return `在${portal}搜索「${draft.title}」在线申报，或到${counter}提交材料，经主管部门审核后兑现`
}

/** A development zone's policies apply within its city (the catalogue filter shows them to the city's firms). */
const ZONE_CITY: Record<string, string> = { [XC_ETDZ]: XUCHANG.code, [QZ_NEW_CITY]: QUZHOU.code }

function regionCodeOf(region: string): string {
  const code = ZONE_CITY[region] ?? regionCodeOfName(region)
  if (code === null) throw new Error(`demo policy region without a code: ${region}`)
  return code
}

function policy(draft: Draft): Policy {
  return {
    regionCode: regionCodeOf(draft.region),
    howToApply: draft.autoGrant
      ? '免申即享：系统根据部门数据自动比对，符合条件的直接兑现，无需申请'
      : applicationRoute(draft),
    materials: draft.autoGrant ? [] : ['营业执照', '申请表'],
    applicationWindow: {},
    autoGrant: false,
    ...draft,
  }
}

const NATIONAL: Policy[] = [
  policy({
    id: 'cn-vat-small-scale',
    title: '增值税小规模纳税人月销售额10万元以下免征增值税',
    issuer: '财政部 税务总局（公告2023年第19号）',
    level: 'national',
    region: '全国',
    summary:
      '小规模纳税人发生增值税应税销售行为，合计月销售额未超过10万元（以1个季度为1个纳税期的，季度销售额未超过30万元）的，免征增值税；执行至2027年12月31日。',
    benefit: { type: 'tax', text: '月销售额10万元以下免征增值税' },
    autoGrant: true,
    howToApply: '办理增值税纳税申报时由电子税务局自动计算享受，无需另行申请',
    eligibility: {
      all: [
        size('small', 'micro'),
        { id: 'revenue', kind: 'revenue', maxWan: 500, label: '年应税销售额不超过 500 万元（小规模纳税人）' },
      ],
    },
  }),
  policy({
    id: 'cn-small-profit-cit',
    title: '小型微利企业减按5%实际税负缴纳企业所得税',
    issuer: '财政部 税务总局（公告2023年第12号）',
    level: 'national',
    region: '全国',
    summary:
      '对小型微利企业减按25%计算应纳税所得额，按20%的税率缴纳企业所得税。小型微利企业须同时满足：从事国家非限制和禁止行业，年度应纳税所得额不超过300万元、从业人数不超过300人、资产总额不超过5000万元。',
    benefit: { type: 'tax', rate: 5, text: '实际税负5%' },
    autoGrant: true,
    howToApply: '企业所得税预缴和汇算清缴申报时填报从业人数、资产总额等信息即可享受',
    eligibility: { all: [{ id: 'employees', kind: 'employees', max: 300 }, size('small', 'micro')] },
  }),
  policy({
    id: 'cn-six-taxes-two-fees',
    title: '小微企业“六税两费”减半征收',
    issuer: '财政部 税务总局（公告2023年第12号）',
    level: 'national',
    region: '全国',
    summary:
      '对增值税小规模纳税人、小型微利企业和个体工商户减半征收资源税、城市维护建设税、房产税、城镇土地使用税、印花税（不含证券交易印花税）、耕地占用税和教育费附加、地方教育附加。',
    benefit: { type: 'tax', rate: 50, text: '“六税两费”减半征收' },
    autoGrant: true,
    howToApply: '申报相关税费时系统自动带出减征额',
    eligibility: { all: [size('small', 'micro')] },
  }),
  policy({
    id: 'cn-rd-super-deduction',
    title: '研发费用税前加计扣除（100%）',
    issuer: '财政部 税务总局（公告2023年第7号）',
    level: 'national',
    region: '全国',
    summary:
      '企业开展研发活动中实际发生的研发费用，未形成无形资产计入当期损益的，在据实扣除的基础上再按实际发生额的100%在税前加计扣除；形成无形资产的按成本的200%摊销。烟草制造业、住宿和餐饮业、批发和零售业、房地产业、租赁和商务服务业、娱乐业不适用（财税〔2015〕119号）。',
    benefit: { type: 'tax', rate: 100, text: '研发费用按100%加计扣除' },
    howToApply: '预缴申报或汇算清缴时填报《研发费用加计扣除优惠明细表》自行享受，留存备查资料',
    materials: ['研发项目立项决议', '研发费用辅助账'],
    eligibility: {
      all: [
        {
          ...industry([], ['C16', 'F', 'H', 'K', 'L', 'R90']),
          label: '行业：不属于负面清单行业（烟草、批发零售、住宿餐饮、房地产、租赁和商务服务、娱乐）',
        },
        { id: 'rd', kind: 'rdRatio', minPercent: 0.1, label: '有研发费用支出' },
      ],
    },
  }),
  policy({
    id: 'cn-hightech-cit',
    title: '高新技术企业减按15%税率征收企业所得税',
    issuer: '《中华人民共和国企业所得税法》第二十八条',
    level: 'national',
    region: '全国',
    summary: '国家需要重点扶持的高新技术企业，减按15%的税率征收企业所得税。',
    benefit: { type: 'tax', rate: 15, text: '企业所得税税率由25%降至15%' },
    howToApply: '取得高新技术企业证书后，在企业所得税申报时自行享受，留存备查资料',
    materials: ['高新技术企业证书'],
    eligibility: { all: [holds(['high-tech'])] },
  }),
  policy({
    id: 'cn-startup-loan-interest',
    title: '小微企业创业担保贷款贴息',
    issuer: '财政部 人力资源社会保障部 中国人民银行（财金〔2020〕21号）',
    level: 'national',
    region: '全国（各地经办）',
    summary:
      '当年新招用符合条件人员达到现有在职职工人数15%（超过100人的企业达到8%）并签订1年以上劳动合同的小微企业，可申请最高300万元创业担保贷款，财政按规定贴息。',
    benefit: { type: 'loan-interest', amountWan: 300, text: '最高300万元贷款，财政贴息' },
    materials: ['营业执照', '新招用人员劳动合同', '社保缴费证明'],
    eligibility: { all: [size('small', 'micro'), clean(3)] },
    howToApply: '向企业所在地人力资源社会保障部门或创业担保贷款经办银行提出申请，经审核后拨付贴息',
  }),
  policy({
    id: 'cn-bank-tax-credit',
    title: '“银税互动”信用贷款',
    issuer: '国家税务总局 银保监会',
    level: 'national',
    region: '全国',
    summary: '纳税信用A级、B级（部分银行含M级）的小微企业，可凭纳税信用在合作银行申请无抵押信用贷款。',
    benefit: { type: 'service', text: '凭纳税信用申请无抵押贷款' },
    howToApply: '在合作银行手机银行授权查询纳税信息后在线申请',
    materials: [],
    eligibility: {
      all: [grade('A', 'B', 'M'), size('small', 'micro'), { id: 'age', kind: 'foundedYears', minYears: 1 }],
    },
  }),
]

const HENAN_POLICIES: Policy[] = [
  policy({
    id: 'xc-job-retention-refund',
    title: '失业保险稳岗返还（中小微企业）',
    issuer: '许昌市人力资源和社会保障局',
    level: 'city',
    region: '许昌市',
    summary:
      '上年度未裁员或裁员率不高于全国城镇调查失业率控制目标的参保企业，中小微企业按上年度实际缴纳失业保险费的60%返还。',
    benefit: { type: 'subsidy', rate: 60, text: '返还上年度失业保险费的60%' },
    autoGrant: true,
    eligibility: { all: [inArea(XUCHANG), size('medium', 'small', 'micro'), clean(1)] },
  }),
  policy({
    id: 'xc-job-retention-refund-large',
    title: '失业保险稳岗返还（大型企业）',
    issuer: '许昌市人力资源和社会保障局',
    level: 'city',
    region: '许昌市',
    summary: '上年度未裁员或裁员率不高于控制目标的大型参保企业，按上年度实际缴纳失业保险费的30%返还。',
    benefit: { type: 'subsidy', rate: 30, text: '返还上年度失业保险费的30%' },
    autoGrant: true,
    eligibility: { all: [inArea(XUCHANG), size('large'), clean(1)] },
  }),
  policy({
    id: 'xc-specialized-reward',
    title: '省级专精特新中小企业认定奖励',
    issuer: '许昌市工业和信息化局',
    level: 'city',
    region: '许昌市',
    summary: '对新认定的河南省专精特新中小企业给予一次性奖励。',
    benefit: { type: 'reward', amountWan: 20, text: '一次性奖励20万元' },
    applicationWindow: { opensOn: '2026-03-01', closesOn: '2026-04-30' },
    materials: ['营业执照', '省级专精特新中小企业认定文件', '奖励申请表'],
    eligibility: { all: [inArea(XUCHANG), holds(['specialized']), clean(3)] },
  }),
  policy({
    id: 'xc-little-giant-reward',
    title: '国家级专精特新“小巨人”企业奖励',
    issuer: '许昌市人民政府',
    level: 'city',
    region: '许昌市',
    summary: '对新认定的国家级专精特新“小巨人”企业给予一次性奖励。',
    benefit: { type: 'reward', amountWan: 100, text: '一次性奖励100万元' },
    autoGrant: true,
    eligibility: { all: [inArea(XUCHANG), holds(['little-giant']), clean(3)] },
  }),
  policy({
    id: 'ha-first-set-equipment',
    title: '首台（套）重大技术装备奖励',
    issuer: '河南省工业和信息化厅 河南省财政厅',
    level: 'provincial',
    region: '河南省',
    summary: '对省内企业研制、经认定的首台（套）重大技术装备产品，按销售价格的一定比例给予研制企业奖励。',
    benefit: { type: 'reward', amountWan: 500, rate: 20, text: '按首台（套）销售价格的20%奖励，最高500万元' },
    applicationWindow: { opensOn: '2026-05-01', closesOn: '2026-06-30' },
    materials: ['首台（套）认定证书', '销售合同及发票', '用户使用证明'],
    eligibility: { all: [inArea(HENAN), industry(EQUIPMENT), clean(3)] },
  }),
  policy({
    id: 'xc-tech-renovation',
    title: '工业企业技术改造设备补助',
    issuer: '许昌市工业和信息化局 许昌市财政局',
    level: 'city',
    region: '许昌市',
    summary: '对规模以上工业企业实施的智能化、绿色化技术改造项目，按设备购置额的10%给予补助。',
    benefit: { type: 'subsidy', amountWan: 300, rate: 10, text: '设备投资的10%，最高300万元' },
    applicationWindow: { opensOn: '2026-03-15', closesOn: '2026-05-15' },
    materials: ['项目备案证明', '设备购置发票', '技改项目总结报告'],
    eligibility: {
      all: [
        inArea(XUCHANG),
        industry(['B', 'C', 'D']),
        revenueAtLeast(2000, '规模以上工业企业（年营业收入 2000 万元及以上）'),
        clean(3),
      ],
    },
  }),
  policy({
    id: 'xc-above-scale-upgrade',
    title: '“小升规”工业企业奖励',
    issuer: '许昌市工业和信息化局',
    level: 'city',
    region: '许昌市',
    summary: '对首次纳入规模以上工业统计的企业给予一次性奖励。',
    benefit: { type: 'reward', amountWan: 10, text: '一次性奖励10万元' },
    autoGrant: true,
    eligibility: {
      all: [inArea(XUCHANG), industry(['B', 'C', 'D']), revenueAtLeast(2000), size('small', 'micro', 'medium')],
    },
  }),
  policy({
    id: 'xc-tech-sme-rd-subsidy',
    title: '科技型中小企业研发费用后补助',
    issuer: '许昌市科学技术局',
    level: 'city',
    region: '许昌市',
    summary: '对入库的科技型中小企业，按上年度研发费用一定比例给予后补助。',
    benefit: { type: 'subsidy', amountWan: 50, rate: 5, text: '按研发费用的5%补助，最高50万元' },
    applicationWindow: { opensOn: '2026-04-01', closesOn: '2026-05-31' },
    materials: ['科技型中小企业入库编号', '研发费用专项审计报告'],
    eligibility: {
      all: [inArea(XUCHANG), holds(['tech-sme']), { id: 'rd', kind: 'rdRatio', minPercent: 3 }, clean(3)],
    },
  }),
  policy({
    id: 'xc-hightech-first-award',
    title: '高新技术企业首次认定奖励',
    issuer: '许昌市科学技术局',
    level: 'city',
    region: '许昌市',
    summary: '对首次通过高新技术企业认定的企业给予奖励，重新认定的减半奖励。',
    benefit: { type: 'reward', amountWan: 20, text: '首次认定奖励20万元' },
    autoGrant: true,
    eligibility: { all: [inArea(XUCHANG), holds(['high-tech']), clean(3)] },
  }),
  policy({
    id: 'ha-sci-innovation-voucher',
    title: '科技创新券',
    issuer: '河南省科学技术厅',
    level: 'provincial',
    region: '河南省',
    summary: '向科技型中小企业和创新创业团队发放创新券，用于购买检验检测、研发设计等科技服务。',
    benefit: { type: 'service', amountWan: 30, text: '每年最高30万元创新券' },
    materials: ['营业执照', '服务合同'],
    eligibility: {
      all: [inArea(HENAN), { id: 'innovator', any: [holds(['tech-sme', 'high-tech']), size('micro')] }],
    },
  }),
  policy({
    id: 'xc-etdz-rent',
    title: '许昌经济技术开发区新入驻企业厂房租金补贴',
    issuer: '许昌经济技术开发区管委会',
    level: 'district',
    region: XC_ETDZ,
    summary: '对新入驻开发区标准化厂房、成立不满3年的工业企业，前两年按租金的50%给予补贴。',
    benefit: { type: 'subsidy', rate: 50, text: '前两年租金补贴50%' },
    materials: ['营业执照', '厂房租赁合同', '租金支付凭证'],
    eligibility: {
      all: [
        { id: 'zone', kind: 'region', zones: [XC_ETDZ] },
        industry(['C']),
        { id: 'age', kind: 'foundedYears', maxYears: 3 },
      ],
    },
  }),
  policy({
    id: 'xc-export-credit-insurance',
    title: '出口信用保险保费补贴',
    issuer: '许昌市商务局',
    level: 'city',
    region: '许昌市',
    summary: '对投保短期出口信用保险的外贸企业，按实缴保费的50%给予补贴。',
    benefit: { type: 'subsidy', amountWan: 50, rate: 50, text: '保费补贴50%，最高50万元' },
    materials: ['出口信用保险保单', '保费缴纳凭证', '海关出口数据'],
    eligibility: { all: [inArea(XUCHANG), exporter, clean(2)] },
  }),
  policy({
    id: 'yz-ceramics-brand',
    title: '禹州钧瓷企业品牌建设奖励',
    issuer: '禹州市人民政府',
    level: 'district',
    region: '禹州市',
    summary: '对获得中国驰名商标、省级以上名牌产品的钧瓷（陶瓷制品）企业给予奖励。',
    benefit: { type: 'reward', amountWan: 30, text: '最高奖励30万元' },
    materials: ['商标或名牌认定文件'],
    eligibility: { all: [inArea(YUZHOU), industry(['C307'])] },
  }),
  policy({
    id: 'xc-catering-relief',
    title: '住宿餐饮业小微企业纾困补贴',
    issuer: '许昌市商务局',
    level: 'city',
    region: '许昌市',
    summary: '对正常经营、依法纳税的住宿餐饮业小微企业，按从业人员数给予一次性纾困补贴。',
    benefit: { type: 'subsidy', amountWan: 5, text: '每户最高5万元' },
    autoGrant: true,
    eligibility: {
      all: [inArea(XUCHANG), industry(['H']), size('small', 'micro'), { id: 'employees', kind: 'employees', min: 5 }],
    },
  }),
  policy({
    id: 'xc-wholesale-above-quota',
    title: '限额以上批发企业入库奖励',
    issuer: '许昌市商务局',
    level: 'city',
    region: '许昌市',
    summary: '对首次纳入限额以上统计的批发企业（年主营业务收入2000万元及以上）给予奖励。',
    benefit: { type: 'reward', amountWan: 5, text: '一次性奖励5万元' },
    autoGrant: true,
    eligibility: { all: [inArea(XUCHANG), industry(['F51']), revenueAtLeast(2000)] },
  }),
  policy({
    id: 'xc-guarantee-fee',
    title: '政府性融资担保降费',
    issuer: '许昌市财政局',
    level: 'city',
    region: '许昌市',
    summary: '政府性融资担保机构为小微企业提供贷款担保，年化担保费率不超过1%。',
    benefit: { type: 'fee-reduction', rate: 1, text: '担保费率不超过1%' },
    howToApply: '向市中小企业融资担保公司提出担保申请',
    materials: ['营业执照', '近两年财务报表'],
    eligibility: { all: [inArea(XUCHANG), size('small', 'micro'), grade('A', 'B', 'M'), clean(3)] },
  }),
  policy({
    id: 'weidu-startup-rent',
    title: '魏都区初创企业房租补贴',
    issuer: '许昌市魏都区人民政府',
    level: 'district',
    region: '许昌市魏都区',
    summary: '对成立不满2年、注册资本100万元以下的初创小微企业，给予办公场所租金补贴。',
    benefit: { type: 'subsidy', amountWan: 3, text: '每年最高3万元' },
    materials: ['营业执照', '租赁合同'],
    eligibility: {
      all: [
        inArea(WEIDU),
        { id: 'age', kind: 'foundedYears', maxYears: 2 },
        { id: 'capital', kind: 'registeredCapital', maxWan: 100 },
        size('small', 'micro'),
      ],
    },
  }),
  policy({
    id: 'xc-construction-upgrade',
    title: '建筑业企业资质升级奖励',
    issuer: '许昌市住房和城乡建设局',
    level: 'city',
    region: '许昌市',
    summary: '对首次取得施工总承包一级及以上资质的本地建筑业企业给予奖励。',
    benefit: { type: 'reward', amountWan: 50, text: '一次性奖励50万元' },
    materials: ['资质证书'],
    eligibility: {
      all: [inArea(XUCHANG), industry(['E']), { id: 'capital', kind: 'registeredCapital', minWan: 5000 }, clean(3)],
    },
  }),
  policy({
    id: 'xc-listing-reward',
    title: '企业上市挂牌奖励',
    issuer: '许昌市人民政府金融工作办公室',
    level: 'city',
    region: '许昌市',
    summary: '对完成股份制改造并在境内外证券交易所申报上市的企业，分阶段给予奖励。',
    benefit: { type: 'reward', amountWan: 300, text: '分阶段最高奖励300万元' },
    materials: ['股改验资报告', '上市申报受理文件'],
    eligibility: {
      all: [
        inArea(XUCHANG),
        { id: 'capital', kind: 'registeredCapital', minWan: 3000 },
        revenueAtLeast(10000),
        grade('A', 'B'),
        clean(3),
      ],
    },
  }),
  policy({
    id: 'ha-green-factory',
    title: '省级绿色工厂奖励',
    issuer: '河南省工业和信息化厅',
    level: 'provincial',
    region: '河南省',
    summary: '对新认定的省级绿色工厂给予一次性奖励。',
    benefit: { type: 'reward', amountWan: 30, text: '一次性奖励30万元' },
    applicationWindow: { opensOn: '2026-06-01', closesOn: '2026-07-31' },
    materials: ['绿色工厂评价报告'],
    eligibility: { all: [inArea(HENAN), industry(['C']), { id: 'employees', kind: 'employees', min: 50 }, clean(3)] },
  }),
]

const ZHEJIANG_POLICIES: Policy[] = [
  policy({
    id: 'qz-job-retention-refund',
    title: '失业保险稳岗返还（免申即享）',
    issuer: '衢州市人力资源和社会保障局',
    level: 'city',
    region: '衢州市',
    summary: '符合条件的中小微参保企业按上年度实际缴纳失业保险费的60%返还，系统比对后直接拨付至企业账户。',
    benefit: { type: 'subsidy', rate: 60, text: '返还上年度失业保险费的60%' },
    autoGrant: true,
    eligibility: { all: [inArea(QUZHOU), size('medium', 'small', 'micro'), clean(1)] },
  }),
  policy({
    id: 'zj-first-set-equipment',
    title: '浙江省首台（套）装备保险补偿与奖励',
    issuer: '浙江省经济和信息化厅',
    level: 'provincial',
    region: '浙江省',
    summary: '对认定为浙江省首台（套）的装备产品，给予研制单位奖励，并对投保首台（套）综合保险的给予保费补贴。',
    benefit: { type: 'reward', amountWan: 300, text: '最高奖励300万元' },
    applicationWindow: { opensOn: '2026-04-01', closesOn: '2026-05-31' },
    materials: ['首台（套）认定文件', '保险合同'],
    eligibility: { all: [inArea(ZHEJIANG), industry(EQUIPMENT), holds(['high-tech', 'specialized'])] },
  }),
  policy({
    id: 'qz-specialized-reward',
    title: '专精特新企业梯度培育奖励',
    issuer: '衢州市经济和信息化局',
    level: 'city',
    region: '衢州市',
    summary: '对新认定的省级专精特新中小企业奖励30万元，国家级专精特新“小巨人”企业奖励100万元（就高不重复）。',
    benefit: { type: 'reward', amountWan: 100, text: '30万—100万元' },
    autoGrant: true,
    eligibility: { all: [inArea(QUZHOU), holds(['specialized', 'little-giant']), clean(3)] },
  }),
  policy({
    id: 'qz-tech-renovation',
    title: '制造业数字化改造补助',
    issuer: '衢州市经济和信息化局 衢州市财政局',
    level: 'city',
    region: '衢州市',
    summary: '对规上工业企业实施的数字化改造项目，按软硬件投资额的15%给予补助。',
    benefit: { type: 'subsidy', amountWan: 500, rate: 15, text: '投资额的15%，最高500万元' },
    applicationWindow: { opensOn: '2026-03-01', closesOn: '2026-04-30' },
    materials: ['项目备案文件', '投资发票', '数字化改造验收报告'],
    eligibility: { all: [inArea(QUZHOU), industry(['C'], ['C16']), revenueAtLeast(2000), grade('A', 'B')] },
  }),
  policy({
    id: 'qz-export-credit-insurance',
    title: '外贸企业出口信用保险保费补助',
    issuer: '衢州市商务局',
    level: 'city',
    region: '衢州市',
    summary: '对投保出口信用保险的外贸企业，小微企业按保费的70%、其他企业按50%给予补助。',
    benefit: { type: 'subsidy', amountWan: 100, rate: 70, text: '保费补助50%—70%' },
    autoGrant: true,
    eligibility: { all: [inArea(QUZHOU), exporter] },
  }),
  policy({
    id: 'qz-cross-border-ecommerce',
    title: '跨境电商出口奖励',
    issuer: '衢州市商务局',
    level: 'city',
    region: '衢州市',
    summary: '对通过跨境电商方式出口、年出口额100万美元以上的企业给予奖励。',
    benefit: { type: 'reward', amountWan: 50, text: '最高奖励50万元' },
    materials: ['跨境电商出口数据'],
    eligibility: { all: [inArea(QUZHOU), exporter, industry(['F', 'I64'])] },
  }),
  policy({
    id: 'qz-startup-loan-interest',
    title: '创业担保贷款贴息（小微企业）',
    issuer: '衢州市人力资源和社会保障局 衢州市财政局',
    level: 'city',
    region: '衢州市',
    summary: '吸纳就业达到规定比例的小微企业可申请最高300万元创业担保贷款，按贷款合同利率的50%给予贴息。',
    benefit: { type: 'loan-interest', amountWan: 300, rate: 50, text: '贷款最高300万元，贴息50%' },
    materials: ['营业执照', '劳动合同', '社保缴费清单'],
    eligibility: {
      all: [inArea(QUZHOU), size('small', 'micro'), { id: 'employees', kind: 'employees', min: 3 }, clean(3)],
    },
  }),
  policy({
    id: 'qz-tech-sme-rd-reward',
    title: '科技型中小企业研发投入奖补',
    issuer: '衢州市科学技术局',
    level: 'city',
    region: '衢州市',
    summary: '对研发费用占营业收入比例达到4%以上的科技型中小企业，按研发费用增量的10%给予奖补。',
    benefit: { type: 'subsidy', amountWan: 100, rate: 10, text: '研发费用增量的10%，最高100万元' },
    autoGrant: true,
    eligibility: { all: [inArea(QUZHOU), holds(['tech-sme']), { id: 'rd', kind: 'rdRatio', minPercent: 4 }] },
  }),
  policy({
    id: 'qz-hightech-cultivation',
    title: '高新技术企业培育入库奖励',
    issuer: '衢州市科学技术局',
    level: 'city',
    region: '衢州市',
    summary: '对成立满1年、研发投入占比3%以上、纳入高新技术企业培育库的科技型中小企业给予奖励。',
    benefit: { type: 'reward', amountWan: 10, text: '奖励10万元' },
    applicationWindow: { opensOn: '2026-03-01', closesOn: '2026-03-31' },
    materials: ['培育入库申请书', '近一年财务报表'],
    eligibility: {
      all: [
        inArea(QUZHOU),
        holds(['tech-sme']),
        { id: 'age', kind: 'foundedYears', minYears: 1 },
        { id: 'rd', kind: 'rdRatio', minPercent: 3 },
      ],
    },
  }),
  policy({
    id: 'qz-software-talent',
    title: '数字经济企业人才引进补贴',
    issuer: '衢州市人才工作领导小组办公室',
    level: 'city',
    region: '衢州市',
    summary: '对软件和信息技术服务企业新引进的全日制本科及以上人才，给予企业每人每年1万元引才补贴。',
    benefit: { type: 'subsidy', amountWan: 1, text: '每人每年1万元' },
    materials: ['人才学历证书', '劳动合同', '社保缴费证明'],
    eligibility: { all: [inArea(QUZHOU), industry(['I65', 'I64']), { id: 'employees', kind: 'employees', min: 10 }] },
  }),
  policy({
    id: 'qz-newcity-industry-fund',
    title: '衢州智造新城产业项目扶持',
    issuer: '衢州智造新城管委会',
    level: 'district',
    region: QZ_NEW_CITY,
    summary: '对新城内新材料、电子信息、装备制造等主导产业的规上企业，按新增地方财政贡献给予扶持。',
    benefit: { type: 'reward', text: '按新增地方财政贡献的一定比例扶持' },
    materials: ['项目投资协议', '纳税证明'],
    eligibility: {
      all: [
        { id: 'zone', kind: 'region', zones: [QZ_NEW_CITY] },
        industry(['C26', ...EQUIPMENT]),
        revenueAtLeast(2000),
      ],
    },
  }),
  policy({
    id: 'kecheng-small-micro-park',
    title: '柯城区小微企业园入园租金减免',
    issuer: '衢州市柯城区经济和信息化局',
    level: 'district',
    region: '衢州市柯城区',
    summary: '对入驻小微企业园、成立不满5年的小微工业企业，第一年租金全免、第二年减半。',
    benefit: { type: 'fee-reduction', text: '首年租金全免，次年减半' },
    materials: ['入园协议'],
    eligibility: {
      all: [inArea(KECHENG), industry(['C']), size('small', 'micro'), { id: 'age', kind: 'foundedYears', maxYears: 5 }],
    },
  }),
  policy({
    id: 'qz-ip-pledge-interest',
    title: '知识产权质押融资贴息',
    issuer: '衢州市市场监督管理局',
    level: 'city',
    region: '衢州市',
    summary: '对以专利权、商标权质押获得银行贷款的科技型企业，按贷款利息的50%给予贴息。',
    benefit: { type: 'loan-interest', amountWan: 30, rate: 50, text: '贴息50%，最高30万元' },
    materials: ['质押登记通知书', '借款合同', '付息凭证'],
    eligibility: {
      all: [inArea(QUZHOU), holds(['tech-sme', 'high-tech']), grade('A', 'B', 'M'), clean(2)],
    },
  }),
  policy({
    id: 'qz-utility-connection-free',
    title: '小微企业水电气报装“零投资”',
    issuer: '衢州市发展和改革委员会',
    level: 'city',
    region: '衢州市',
    summary: '对城镇规划建设用地范围内的小微企业，水、电、气接入工程费用由供应企业承担，企业报装零投资。',
    benefit: { type: 'fee-reduction', text: '报装外线工程零投资' },
    autoGrant: true,
    howToApply: '通过“浙里办”或营业厅报装时自动适用，无需另行申请',
    eligibility: { all: [inArea(QUZHOU), size('small', 'micro')] },
  }),
  policy({
    id: 'zj-little-giant-finance',
    title: '“小巨人”企业专项信贷支持',
    issuer: '浙江省经济和信息化厅 中国人民银行浙江省分行',
    level: 'provincial',
    region: '浙江省',
    summary: '合作银行对专精特新“小巨人”企业提供专属信用贷款和优惠利率。',
    benefit: { type: 'service', text: '专属信用贷款、优惠利率' },
    howToApply: '向合作银行提出申请，省经信厅推送企业名单',
    materials: [],
    eligibility: { all: [inArea(ZHEJIANG), holds(['little-giant']), grade('A', 'B')] },
  }),
  policy({
    id: 'qz-logistics-subsidy',
    title: '物流企业降本增效补助',
    issuer: '衢州市交通运输局',
    level: 'city',
    region: '衢州市',
    summary: '对年营业收入500万元以上、从业人员20人以上的道路运输和仓储物流企业，按新增运力投资给予补助。',
    benefit: { type: 'subsidy', amountWan: 50, text: '最高50万元' },
    materials: ['车辆购置发票', '道路运输经营许可证'],
    eligibility: {
      all: [
        inArea(QUZHOU),
        industry(['G54', 'G58', 'G59']),
        revenueAtLeast(500),
        { id: 'employees', kind: 'employees', min: 20 },
      ],
    },
  }),
  policy({
    id: 'qz-agri-leading-enterprise',
    title: '农业龙头企业贷款贴息',
    issuer: '衢州市农业农村局',
    level: 'city',
    region: '衢州市',
    summary: '对市级以上农业龙头企业（含农副食品加工企业）用于收购农产品的流动资金贷款给予贴息。',
    benefit: { type: 'loan-interest', amountWan: 20, text: '最高贴息20万元' },
    materials: ['龙头企业认定文件', '借款合同', '收购凭证'],
    eligibility: {
      all: [
        inArea(QUZHOU),
        industry(['A', 'C13', 'C14']),
        { id: 'scale', any: [revenueAtLeast(2000), { id: 'capital', kind: 'registeredCapital', minWan: 1000 }] },
        clean(3),
      ],
    },
  }),
  policy({
    id: 'qz-quality-award',
    title: '市长质量奖',
    issuer: '衢州市人民政府',
    level: 'city',
    region: '衢州市',
    summary: '对实施卓越绩效管理、质量管理水平领先的企业授予市长质量奖并给予奖励。',
    benefit: { type: 'reward', amountWan: 50, text: '奖励50万元' },
    applicationWindow: { opensOn: '2026-07-01', closesOn: '2026-08-31' },
    materials: ['自评报告', '质量管理体系证书'],
    eligibility: {
      all: [
        inArea(QUZHOU),
        { id: 'age', kind: 'foundedYears', minYears: 3 },
        revenueAtLeast(5000),
        grade('A'),
        clean(3),
      ],
    },
  }),
  policy({
    id: 'qz-service-outsourcing',
    title: '服务外包企业离岸业务奖励',
    issuer: '衢州市商务局',
    level: 'city',
    region: '衢州市',
    summary: '对承接离岸服务外包业务的软件、信息技术和商务服务企业，按离岸执行额给予奖励。',
    benefit: { type: 'reward', amountWan: 30, text: '最高30万元' },
    materials: ['服务外包合同', '收汇凭证'],
    eligibility: { all: [inArea(QUZHOU), industry(['I65', 'L72']), exporter] },
  }),
]

export const DEMO_POLICIES: Policy[] = [...NATIONAL, ...HENAN_POLICIES, ...ZHEJIANG_POLICIES]
