/**
 * A person's name as on the 居民身份证: Chinese characters, with 「·」 between the parts of many
 * minority names (e.g. 买买提·吐尔逊). Checked before a face verification is started, since the
 * provider rejects anything else anyway and costs a call.
 */

export type PersonNameProblem = 'empty' | 'length' | 'characters'

const NAME = /^[\u3400-\u9fff\uf900-\ufaff]+(·[\u3400-\u9fff\uf900-\ufaff]+)*$/u

export function checkPersonName(raw: string): { ok: true; name: string } | { ok: false; problem: PersonNameProblem } {
  // The middle dot comes in several code points from different keyboards; store one.
  const name = raw.trim().replace(/[•・‧∙]/g, '·')
  if (name === '') return { ok: false, problem: 'empty' }
  const length = Array.from(name).length
  if (length < 2 || length > 30) return { ok: false, problem: 'length' }
  if (!NAME.test(name)) return { ok: false, problem: 'characters' }
  return { ok: true, name }
}

export const PERSON_NAME_PROBLEM_MESSAGES: Record<PersonNameProblem, string> = {
  empty: '请填写姓名',
  length: '姓名应为 2 至 30 个字',
  characters: '姓名应与身份证上的汉字一致',
}
