import { checkPersonName } from '../../../src/domain/signing/personName'

describe('person name as on the ID card', () => {
  test.each([
    ['张建国', '张建国'],
    [' 李梅 ', '李梅'],
    ['欧阳晓明', '欧阳晓明'],
    ['买买提·吐尔逊', '买买提·吐尔逊'],
    ['买买提•吐尔逊', '买买提·吐尔逊'],
  ])('accepts %j', (raw, name) => {
    expect(checkPersonName(raw)).toEqual({ ok: true, name })
  })

  test.each([
    ['', 'empty'],
    ['张', 'length'],
    ['张'.repeat(31), 'length'],
    ['Zhang San', 'characters'],
    ['张三1', 'characters'],
    ['·张三', 'characters'],
    ['张三·', 'characters'],
    ['张<b>', 'characters'],
  ])('rejects %j as %s', (raw, problem) => {
    expect(checkPersonName(raw)).toEqual({ ok: false, problem })
  })
})
