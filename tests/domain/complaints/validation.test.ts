import {
  characterCount,
  complaintInputProblems,
  isMainlandMobile,
  maskedContactPhone,
  MAX_PHOTO_BYTES,
  normaliseConcernedParty,
  photoProblem,
  MAX_PHOTOS,
  type ComplaintInput,
  type ComplaintPhoto,
} from '../../../src/domain/complaints/validation'

const ok: ComplaintInput = {
  category: 'complaint',
  title: '商户占道经营',
  description: '人民路 88 号门前长期占用人行道摆摊，行人只能走机动车道。',
  photos: [{ mimeType: 'image/jpeg', sizeBytes: 1_200_000 }],
  anonymous: false,
  contactPhone: '13800138000',
  location: { latitude: 34.7466, longitude: 113.6254, address: '郑州市金水区人民路 88 号' },
}

const problems = (patch: Partial<ComplaintInput>) => complaintInputProblems({ ...ok, ...patch })
const photo = (sizeBytes: number, mimeType = 'image/png'): ComplaintPhoto => ({ mimeType, sizeBytes })
const EMOJI = '😀' // one code point, two UTF-16 units

describe('characters are counted as code points', () => {
  test.each([
    ['', 0],
    ['投诉', 2],
    [EMOJI, 1],
    [`${EMOJI}${EMOJI}ab`, 4],
    ['𠮷野家', 3], // 𠮷 lies outside the BMP
  ])('%j has %d', (text, count) => {
    expect(characterCount(text)).toBe(count)
  })

  test('the emoji really is two UTF-16 units, so `length` would count it twice', () => {
    expect(EMOJI.length).toBe(2)
  })
})

describe('complaint input', () => {
  test('a well-formed real-name complaint has no problems', () => {
    expect(complaintInputProblems(ok)).toEqual({})
  })

  test('anonymous without a phone, without a location, without photos', () => {
    expect(problems({ anonymous: true, contactPhone: null, location: null, photos: [] })).toEqual({})
  })

  test.each<[string, Partial<ComplaintInput>, Record<string, string>]>([
    // category
    ['no category', { category: '' }, { category: '请选择诉求类别' }],
    ['unknown category', { category: 'praise' }, { category: '该诉求类别未开通，请重新选择' }],
    // title: 4–50
    ['title of 3', { title: '占道经' }, { title: '标题至少 4 个字' }],
    ['title of 4', { title: '占道经营' }, {}],
    ['title of 50', { title: '占'.repeat(50) }, {}],
    ['title of 51', { title: '占'.repeat(51) }, { title: '标题不能超过 50 个字' }],
    ['title of spaces', { title: '    ' }, { title: '请填写标题' }],
    ['title padded to 4 with spaces', { title: ' 占道 ' }, { title: '标题至少 4 个字' }],
    ['title of 4 emoji (8 UTF-16 units)', { title: EMOJI.repeat(4) }, {}],
    // description: 10–1,000
    ['description of 9', { description: '门'.repeat(9) }, { description: '诉求内容至少 10 个字' }],
    ['description of 10', { description: '门'.repeat(10) }, {}],
    ['description of 1,000', { description: '门'.repeat(1000) }, {}],
    ['description of 1,001', { description: '门'.repeat(1001) }, { description: '诉求内容不能超过 1000 个字' }],
    ['description of 1,000 emoji (2,000 units)', { description: EMOJI.repeat(1000) }, {}],
    ['description of 1,001 emoji', { description: EMOJI.repeat(1001) }, { description: '诉求内容不能超过 1000 个字' }],
    ['description of 5 emoji (10 units)', { description: EMOJI.repeat(5) }, { description: '诉求内容至少 10 个字' }],
    ['no description', { description: '' }, { description: '请填写诉求内容' }],
    // photos: ≤ 9, jpeg/png/webp, ≤ 5 MB each
    ['9 photos', { photos: Array.from({ length: 9 }, () => photo(1000)) }, {}],
    ['10 photos', { photos: Array.from({ length: 10 }, () => photo(1000)) }, { photos: '最多上传 9 张照片' }],
    ['exactly 5 MB (5,242,880 bytes)', { photos: [photo(5_242_880)] }, {}],
    [
      '5 MB and one byte',
      { photos: [photo(1000), photo(5_242_881)] },
      { photos: '第 2 张照片超过 5 MB，请压缩后再上传' },
    ],
    ['webp', { photos: [photo(1000, 'image/webp')] }, {}],
    ['gif', { photos: [photo(1000, 'image/gif')] }, { photos: '第 1 张照片格式不支持，请上传 JPG、PNG 或 WebP 图片' }],
    [
      'heic from an iPhone',
      { photos: [photo(1000, 'image/heic')] },
      { photos: '第 1 张照片格式不支持，请上传 JPG、PNG 或 WebP 图片' },
    ],
    ['empty file', { photos: [photo(0)] }, { photos: '第 1 张照片无法读取，请重新选择' }],
    // phone
    ['real-name without a phone', { contactPhone: null }, { contactPhone: '请填写联系电话，以便办理单位联系您' }],
    ['real-name with a blank phone', { contactPhone: '  ' }, { contactPhone: '请填写联系电话，以便办理单位联系您' }],
    ['a landline', { contactPhone: '037166668888' }, { contactPhone: '请填写正确的 11 位手机号码' }],
    ['10 digits', { contactPhone: '1380013800' }, { contactPhone: '请填写正确的 11 位手机号码' }],
    ['12 prefix', { contactPhone: '12800138000' }, { contactPhone: '请填写正确的 11 位手机号码' }],
    ['spaced as people write it', { contactPhone: '138 0013 8000' }, {}],
    ['with +86', { contactPhone: '+86 138-0013-8000' }, {}],
    [
      'anonymous with a phone',
      { anonymous: true, contactPhone: '13800138000' },
      { contactPhone: '匿名提交不留联系电话，请清空或改为实名提交' },
    ],
    // location
    [
      '(0, 0) from a failed fix',
      { location: { latitude: 0, longitude: 0, address: '人民路' } },
      { location: '定位不在中国境内，请重新选择位置' },
    ],
    [
      'latitude and longitude swapped',
      { location: { latitude: 113.6, longitude: 34.7, address: '人民路' } },
      { location: '定位不在中国境内，请重新选择位置' },
    ],
    [
      'NaN',
      { location: { latitude: NaN, longitude: 113.6, address: '人民路' } },
      { location: '定位不在中国境内，请重新选择位置' },
    ],
    ['Mohe, the far north', { location: { latitude: 53.48, longitude: 122.37, address: '漠河市北极村' } }, {}],
    ['Sansha, the far south', { location: { latitude: 16.83, longitude: 112.34, address: '三沙市永兴岛' } }, {}],
    ['no address', { location: { latitude: 34.7, longitude: 113.6, address: ' ' } }, { location: '请填写详细地址' }],
    [
      'address of 101',
      { location: { latitude: 34.7, longitude: 113.6, address: '路'.repeat(101) } },
      { location: '地址不能超过 100 个字' },
    ],
    // a place typed as text: the address without coordinates
    ['typed place, coordinates absent', { location: { address: '许昌市魏都区七一路 12 号' } }, {}],
    ['typed place, coordinates null', { location: { latitude: null, longitude: null, address: '七一路口' } }, {}],
    ['typed place of spaces', { location: { address: '   ' } }, { location: '请填写详细地址' }],
    ['typed place of 100', { location: { address: '路'.repeat(100) } }, {}],
    ['typed place of 101', { location: { address: '路'.repeat(101) } }, { location: '地址不能超过 100 个字' }],
    [
      'one coordinate without the other',
      { location: { latitude: 34.7, longitude: null, address: '人民路' } },
      { location: '定位信息不完整，请重新选择位置' },
    ],
    [
      'longitude alone',
      { location: { longitude: 113.6, address: '人民路' } },
      { location: '定位信息不完整，请重新选择位置' },
    ],
    // the department or enterprise concerned: optional, at most 100 characters
    ['concerned party absent', { concernedParty: undefined }, {}],
    ['concerned party null', { concernedParty: null }, {}],
    ['concerned party blank', { concernedParty: '   ' }, {}],
    ['concerned party of 100', { concernedParty: '局'.repeat(100) }, {}],
    ['concerned party of 100 emoji', { concernedParty: EMOJI.repeat(100) }, {}],
    [
      'concerned party of 101',
      { concernedParty: '局'.repeat(101) },
      { concernedParty: '涉及部门或企业不能超过 100 个字' },
    ],
  ])('%s', (_name, patch, expected) => {
    expect(problems(patch)).toEqual(expected)
  })

  test('several problems at once, one message per field', () => {
    expect(problems({ category: '', title: '', description: '', contactPhone: '123' })).toEqual({
      category: '请选择诉求类别',
      title: '请填写标题',
      description: '请填写诉求内容',
      contactPhone: '请填写正确的 11 位手机号码',
    })
  })

  test('the limits are what the form advertises', () => {
    expect(MAX_PHOTOS).toBe(9)
    expect(MAX_PHOTO_BYTES).toBe(5_242_880)
  })

  test('a city without 紧急 refuses it', () => {
    const rules = {
      categories: [{ code: 'complaint' as const, name: '投诉', timeLimitWorkingDays: 13 }],
      returnVisit: { callBackWorkingDays: 1, rectifyWorkingDays: 15 },
    }
    expect(complaintInputProblems({ ...ok, category: 'urgent' }, rules)).toEqual({
      category: '该诉求类别未开通，请重新选择',
    })
  })
})

describe('contact phone', () => {
  test.each([
    ['13800138000', true],
    ['19912345678', true],
    ['+8613800138000', true],
    ['8613800138000', true],
    ['10086', false],
    ['23800138000', false],
    ['1380013800a', false],
  ])('%s is a mainland mobile: %s', (phone, expected) => {
    expect(isMainlandMobile(phone)).toBe(expected)
  })

  test.each([
    ['13800138000', '138****8000'],
    ['138 0013 8000', '138****8000'],
    ['+86 138-0013-8000', '138****8000'],
  ])('%s is shown as %s', (phone, masked) => {
    expect(maskedContactPhone(phone)).toBe(masked)
  })
})

describe('the concerned party as stored', () => {
  test.each<[string | null | undefined, string | null]>([
    [undefined, null],
    [null, null],
    ['   ', null],
    ['  魏都区市场监督管理局 ', '魏都区市场监督管理局'],
  ])('%j → %j', (typed, stored) => {
    expect(normaliseConcernedParty(typed)).toBe(stored)
  })
})

describe('one photo, as checked on the phone before uploading', () => {
  test.each([
    [{ mimeType: 'image/jpeg', sizeBytes: 800_000 }, null],
    [{ mimeType: 'image/gif', sizeBytes: 800_000 }, '格式不支持，请上传 JPG、PNG 或 WebP 图片'],
    [{ mimeType: 'image/png', sizeBytes: 0 }, '无法读取，请重新选择'],
    [{ mimeType: 'image/webp', sizeBytes: 5 * 1024 * 1024 + 1 }, '超过 5 MB，请压缩后再上传'],
  ])('%o → %s', (photo, problem) => {
    expect(photoProblem(photo)).toBe(problem)
  })
})
