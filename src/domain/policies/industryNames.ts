/**
 * GB/T 4754-2017《国民经济行业分类》(with its 2019 第1号修改单) names of the 中类 (group, three
 * digits) and 小类 (class, four digits) codes this app can show: those in the demo enterprises'
 * registrations and policies, and those the size-class rules ask for (工信部联企业〔2011〕300号:
 * 房地产开发经营, 物业管理). 门类 and 大类 names, all of them, are in industryCodes.ts.
 *
 * Hand-written because no maintained npm package carries GB/T 4754-2017 (the packages found carry
 * the 2011 edition, or only 门类 and 大类); the names are copied from the standard's table (国家
 * 统计局, 2017-06-30, GB/T 4754-2017). Add a code here when a policy or enterprise needs one:
 * tests/domain/policies/industryNames.test.ts fails for a shown code without a name.
 */
export const GROUP_AND_CLASS_NAMES: Readonly<Record<string, string>> = {
  C143: '方便食品制造',
  C1431: '米、面制品制造',
  C1432: '速冻食品制造',
  C1433: '方便面制造',
  C161: '卷烟制造',
  C1610: '卷烟制造',
  C307: '陶瓷制品制造',
  C331: '结构性金属制品制造',
  C3311: '金属结构制造',
  C3312: '金属门窗制造',
  C397: '电子元件及电子专用材料制造',
  C3971: '电子元件及组件制造',
  H621: '正餐服务',
  H6210: '正餐服务',
  I651: '软件开发',
  I6511: '基础软件开发',
  I6512: '支撑软件开发',
  I6513: '应用软件开发',
  I6519: '其他软件开发',
  K701: '房地产开发经营',
  K7010: '房地产开发经营',
  K702: '物业管理',
  K7020: '物业管理',
  L724: '咨询与调查',
  L7241: '会计、审计及税务服务',
}
