/**
 * Industry codes of GB/T 4754-2017《国民经济行业分类》: a section letter (门类, A–T) then up to four
 * digits — division (大类, 2), group (中类, 3), class (小类, 4): 'C', 'C33', 'C331', 'C3311'.
 *
 * Division numbers are unique across sections, so a code is also an interval of "class keys"
 * (section × 10000 + four digits); a prefix is an interval, and prefix matching becomes two integer
 * comparisons — which is what the bulk matcher needs for 10^8 enterprise × policy pairs.
 */
import { GROUP_AND_CLASS_NAMES } from './industryNames'

/** Section letter → name and its first and last division (GB/T 4754-2017 门类 and 大类 codes). */
const SECTIONS: Record<string, readonly [name: string, firstDivision: number, lastDivision: number]> = {
  A: ['农、林、牧、渔业', 1, 5],
  B: ['采矿业', 6, 12],
  C: ['制造业', 13, 43],
  D: ['电力、热力、燃气及水生产和供应业', 44, 46],
  E: ['建筑业', 47, 50],
  F: ['批发和零售业', 51, 52],
  G: ['交通运输、仓储和邮政业', 53, 60],
  H: ['住宿和餐饮业', 61, 62],
  I: ['信息传输、软件和信息技术服务业', 63, 65],
  J: ['金融业', 66, 69],
  K: ['房地产业', 70, 70],
  L: ['租赁和商务服务业', 71, 72],
  M: ['科学研究和技术服务业', 73, 75],
  N: ['水利、环境和公共设施管理业', 76, 79],
  O: ['居民服务、修理和其他服务业', 80, 82],
  P: ['教育', 83, 83],
  Q: ['卫生和社会工作', 84, 85],
  R: ['文化、体育和娱乐业', 86, 90],
  S: ['公共管理、社会保障和社会组织', 91, 96],
  T: ['国际组织', 97, 97],
}

const SECTION_LETTERS = 'ABCDEFGHIJKLMNOPQRST'

/** 大类 names, index = division number (01–97). */
const DIVISION_NAMES: readonly string[] = [
  '',
  ...['农业', '林业', '畜牧业', '渔业', '农、林、牧、渔专业及辅助性活动'],
  ...['煤炭开采和洗选业', '石油和天然气开采业', '黑色金属矿采选业', '有色金属矿采选业', '非金属矿采选业'],
  ...['开采专业及辅助性活动', '其他采矿业', '农副食品加工业', '食品制造业', '酒、饮料和精制茶制造业'],
  ...['烟草制品业', '纺织业', '纺织服装、服饰业', '皮革、毛皮、羽毛及其制品和制鞋业'],
  ...['木材加工和木、竹、藤、棕、草制品业', '家具制造业', '造纸和纸制品业', '印刷和记录媒介复制业'],
  ...['文教、工美、体育和娱乐用品制造业', '石油、煤炭及其他燃料加工业', '化学原料和化学制品制造业'],
  ...['医药制造业', '化学纤维制造业', '橡胶和塑料制品业', '非金属矿物制品业', '黑色金属冶炼和压延加工业'],
  ...['有色金属冶炼和压延加工业', '金属制品业', '通用设备制造业', '专用设备制造业', '汽车制造业'],
  ...['铁路、船舶、航空航天和其他运输设备制造业', '电气机械和器材制造业'],
  ...['计算机、通信和其他电子设备制造业', '仪器仪表制造业', '其他制造业', '废弃资源综合利用业'],
  ...['金属制品、机械和设备修理业', '电力、热力生产和供应业', '燃气生产和供应业', '水的生产和供应业'],
  ...['房屋建筑业', '土木工程建筑业', '建筑安装业', '建筑装饰、装修和其他建筑业', '批发业', '零售业'],
  ...['铁路运输业', '道路运输业', '水上运输业', '航空运输业', '管道运输业', '多式联运和运输代理业'],
  ...['装卸搬运和仓储业', '邮政业', '住宿业', '餐饮业', '电信、广播电视和卫星传输服务'],
  ...['互联网和相关服务', '软件和信息技术服务业', '货币金融服务', '资本市场服务', '保险业'],
  ...['其他金融业', '房地产业', '租赁业', '商务服务业', '研究和试验发展', '专业技术服务业'],
  ...['科技推广和应用服务业', '水利管理业', '生态保护和环境治理业', '公共设施管理业', '土地管理业'],
  ...['居民服务业', '机动车、电子产品和日用产品修理业', '其他服务业', '教育', '卫生', '社会工作'],
  ...['新闻和出版业', '广播、电视、电影和录音制作业', '文化艺术业', '体育', '娱乐业', '中国共产党机关'],
  ...['国家机构', '人民政协、民主党派', '社会保障', '群众团体、社会团体和其他成员组织'],
  ...['基层群众自治组织及其他组织', '国际组织'],
]

function sectionOfDivision(division: number): string | null {
  for (const letter of SECTION_LETTERS) {
    const [, first, last] = SECTIONS[letter]
    if (division >= first && division <= last) return letter
  }
  return null
}

/**
 * 'c3311', ' C3311 ' and '3311' (digits alone: the division names its section) → 'C3311'; null
 * when the code is not a GB/T 4754-2017 section, division, group or class code.
 */
export function normalizeIndustryCode(code: unknown): string | null {
  if (typeof code !== 'string') return null
  const text = code.trim().toUpperCase()
  const match = /^([A-T])?(\d{2,4})?$/.exec(text)
  if (!match || text === '') return null
  const digits = match[2] ?? ''
  if (digits === '') return match[1]
  const section = sectionOfDivision(Number(digits.slice(0, 2)))
  if (section === null || (match[1] !== undefined && match[1] !== section)) return null
  return section + digits
}

/** The division (大类 number) of a normalized code, or null for a section-only code. */
export function divisionOf(normalized: string): number | null {
  return normalized.length >= 3 ? Number(normalized.slice(1, 3)) : null
}

/** Divisions a normalized code can stand for: one, or all of its section's. */
export function divisionsOf(normalized: string): number[] {
  const division = divisionOf(normalized)
  if (division !== null) return [division]
  const [, first, last] = SECTIONS[normalized]
  return Array.from({ length: last - first + 1 }, (_, i) => first + i)
}

/** Class keys [lo, hi] that a normalized code (as a prefix) covers. */
export function industryRange(normalized: string): [number, number] {
  const base = SECTION_LETTERS.indexOf(normalized[0]) * 10_000
  const digits = normalized.slice(1)
  const width = 10 ** (4 - digits.length)
  const lo = base + (digits === '' ? 0 : Number(digits) * width)
  return [lo, lo + width - 1]
}

/** '制造业' for 'C', '金属制品业' for 'C33' and deeper codes. */
export function industryName(normalized: string): string {
  const division = divisionOf(normalized)
  return division === null ? SECTIONS[normalized][0] : DIVISION_NAMES[division]
}

/** The standard's own name of a code at its level ('金属结构制造' for C3311); null when not in the tables. */
export function industryOwnName(normalized: string): string | null {
  return normalized.length <= 3 ? industryName(normalized) : (GROUP_AND_CLASS_NAMES[normalized] ?? null)
}

/**
 * 「制造业（C）」, 「金属制品业（C33）」, 「金属结构制造（C3311）」: a code with its GB/T 4754-2017
 * name; a deeper code missing from the tables names its division (「C3399（属金属制品业）」).
 */
export function industryText(code: string): string {
  const normalized = normalizeIndustryCode(code)
  if (normalized === null) return code
  const own = industryOwnName(normalized)
  return own !== null ? `${own}（${normalized}）` : `${normalized}（属${industryName(normalized)}）`
}
