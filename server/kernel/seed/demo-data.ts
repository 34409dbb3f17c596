import type { EnterpriseRole } from '../../../src/contract/account/schemas'

/**
 * Demo people and enterprises for development and the H5 sandbox. All invented: the USCCs and
 * the ID number pass their check characters but belong to nobody we know of.
 */

export interface DemoEnterprise {
  key: string
  name: string
  /** Registration authority + type (91 = 工商 企业), 6-digit division, 8-char org code body. */
  usccParts: { prefix: string; division: string; orgBody: string }
  legalRepresentative: string
  industryCode: string
  industryName: string
  address: string
  region: string
  registeredCapitalWan: number
  foundedOn: string
  employees: number
}

export interface DemoUser {
  name: string
  phone: string
  /** Description for the README and the login page hint. */
  persona: string
  /** First 17 characters of an invented ID number; the check character is computed. */
  idNumberBody?: string
  links: { enterprise: string; role: EnterpriseRole }[]
}

export const DEMO_ENTERPRISES: DemoEnterprise[] = [
  {
    key: 'ruifeng',
    name: '许昌瑞丰食品有限公司',
    usccParts: { prefix: '91', division: '411002', orgBody: 'MA3X7R2K' },
    legalRepresentative: '张建国',
    industryCode: 'C1432',
    industryName: '速冻食品制造',
    address: '河南省许昌市魏都区劳动路188号',
    region: '河南省许昌市魏都区',
    registeredCapitalWan: 500,
    foundedOn: '2012-05-18',
    employees: 86,
  },
  {
    key: 'jianfeng',
    name: '许昌建丰钢结构工程有限公司',
    usccParts: { prefix: '91', division: '411003', orgBody: '58674013' },
    legalRepresentative: '张建国',
    industryCode: 'C3311',
    industryName: '金属结构制造',
    address: '河南省许昌市建安区魏武大道2666号',
    region: '河南省许昌市建安区',
    registeredCapitalWan: 2000,
    foundedOn: '2008-09-02',
    employees: 142,
  },
  {
    key: 'zhilian',
    name: '衢州智联电子科技有限公司',
    usccParts: { prefix: '91', division: '330802', orgBody: 'MA29T6LQ' },
    legalRepresentative: '陈志远',
    industryCode: 'C3971',
    industryName: '电子元件及组件制造',
    address: '浙江省衢州市柯城区世纪大道888号',
    region: '浙江省衢州市柯城区',
    registeredCapitalWan: 1000,
    foundedOn: '2016-03-11',
    employees: 58,
  },
  {
    key: 'yunfan',
    name: '衢州云帆软件有限公司',
    usccParts: { prefix: '91', division: '330803', orgBody: 'MA2DK4W8' },
    legalRepresentative: '周雨桐',
    industryCode: 'I6513',
    industryName: '应用软件开发',
    address: '浙江省衢州市衢江区东迹大道301号',
    region: '浙江省衢州市衢江区',
    registeredCapitalWan: 300,
    foundedOn: '2019-07-22',
    employees: 23,
  },
  {
    key: 'yuxiang',
    name: '禹州禹香餐饮管理有限公司',
    usccParts: { prefix: '91', division: '411081', orgBody: 'MA9G3N5P' },
    legalRepresentative: '刘红霞',
    industryCode: 'H6210',
    industryName: '正餐服务',
    address: '河南省许昌市禹州市药城路66号',
    region: '河南省许昌市禹州市',
    registeredCapitalWan: 50,
    foundedOn: '2020-11-05',
    employees: 31,
  },
  {
    key: 'hengxin',
    name: '衢州恒信财税咨询有限公司',
    usccParts: { prefix: '91', division: '330802', orgBody: '33647215' },
    legalRepresentative: '吴国平',
    industryCode: 'L7241',
    industryName: '会计、审计及税务服务',
    address: '浙江省衢州市柯城区荷花中路120号',
    region: '浙江省衢州市柯城区',
    registeredCapitalWan: 100,
    foundedOn: '2015-04-20',
    employees: 12,
  },
]

export const DEMO_USERS: DemoUser[] = [
  {
    name: '张建国',
    phone: '13800000001',
    persona: '法定代表人，名下 2 家企业',
    idNumberBody: '41100219780315037',
    links: [
      { enterprise: 'ruifeng', role: 'legal_representative' },
      { enterprise: 'jianfeng', role: 'legal_representative' },
    ],
  },
  {
    name: '李晓梅',
    phone: '13800000002',
    persona: '财务代理，代办 5 家企业',
    links: [
      { enterprise: 'jianfeng', role: 'agent' },
      { enterprise: 'zhilian', role: 'agent' },
      { enterprise: 'yunfan', role: 'agent' },
      { enterprise: 'yuxiang', role: 'agent' },
      { enterprise: 'hengxin', role: 'agent' },
    ],
  },
  { name: '王磊', phone: '13800000003', persona: '经办人，尚未关联企业', links: [] },
]

/** For the README and the sandbox login hint. */
export const DEMO_PHONES = DEMO_USERS.map(({ name, phone, persona }) => ({ name, phone, persona }))
