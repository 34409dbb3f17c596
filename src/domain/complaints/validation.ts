/**
 * Checks on a complaint as the submitter enters it, shared by the form (instant feedback) and the
 * server (the authority). Lengths count Unicode code points, as a person counts characters: an
 * emoji is one character although JavaScript's `length` sees two UTF-16 units.
 */
import { maskPhone } from '../mask'
import { complaintCategory, DEFAULT_COMPLAINT_RULES, type ComplaintRules } from './categories'

export const TITLE_MIN_CHARS = 4
export const TITLE_MAX_CHARS = 50
export const DESCRIPTION_MIN_CHARS = 10
export const DESCRIPTION_MAX_CHARS = 1000
/** Answers, questions and visit notes written by staff or the submitter along the way. */
export const MAX_NOTE_CHARS = 1000
/** wx.chooseMedia / my.chooseImage pick at most 9 at a time; one pick is all the form offers. */
export const MAX_PHOTOS = 9
/** 5 MB as phones report file sizes: 5 × 1024 × 1024 bytes. */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024
export const PHOTO_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/webp']
export const MAX_ADDRESS_CHARS = 100
/** 涉及部门或企业: a name, e.g. 许昌市魏都区市场监督管理局 or 某某物业服务有限公司. */
export const MAX_CONCERNED_PARTY_CHARS = 100

export interface ComplaintPhoto {
  mimeType: string
  sizeBytes: number
}

/**
 * Where the problem is: from the map picker (GCJ-02 on the mini-program platforms, both
 * coordinates), or typed as text (the address alone, both coordinates absent or null).
 */
export interface ComplaintLocation {
  latitude?: number | null
  longitude?: number | null
  address: string
}

export interface ComplaintInput {
  category: string
  title: string
  description: string
  photos: readonly ComplaintPhoto[]
  anonymous: boolean
  /** required for real-name cases, absent for anonymous ones */
  contactPhone: string | null
  location: ComplaintLocation | null
  /** the department or enterprise the complaint concerns; optional (absent, null or blank) */
  concernedParty?: string | null
}

export type ComplaintField =
  'category' | 'title' | 'description' | 'photos' | 'contactPhone' | 'location' | 'concernedParty'

/** Characters as a person counts them (code points), not UTF-16 units. */
export function characterCount(text: string): number {
  return Array.from(text).length
}

/** Spaces and hyphens people type into numbers are ignored: 138 0013 8000, 138-0013-8000. */
export function normalisePhone(phone: string): string {
  return phone.replace(/[\s-]/g, '')
}

/** Mainland mobile numbers: 11 digits, 1 then 3–9 (MIIT numbering plan), an optional +86. */
export function isMainlandMobile(phone: string): boolean {
  return /^(\+?86)?1[3-9]\d{9}$/.test(normalisePhone(phone))
}

/** The contact number as screens and logs show it (PIPL: phone numbers are personal data). */
export function maskedContactPhone(phone: string): string {
  return maskPhone(normalisePhone(phone).replace(/^\+?86(?=1\d{10}$)/, ''))
}

function lengthProblem(text: string, min: number, max: number, what: string): string | null {
  const count = characterCount(text.trim())
  if (count === 0) return `请填写${what}`
  if (count < min) return `${what}至少 ${min} 个字`
  if (count > max) return `${what}不能超过 ${max} 个字`
  return null
}

/** Why one photo cannot be sent (the phone checks it before uploading; the server again). */
export function photoProblem(photo: ComplaintPhoto): string | null {
  if (!PHOTO_TYPES.includes(photo.mimeType)) return '格式不支持，请上传 JPG、PNG 或 WebP 图片'
  if (!Number.isFinite(photo.sizeBytes) || photo.sizeBytes <= 0) return '无法读取，请重新选择'
  if (photo.sizeBytes > MAX_PHOTO_BYTES) return '超过 5 MB，请压缩后再上传'
  return null
}

function photosProblem(photos: readonly ComplaintPhoto[]): string | null {
  if (photos.length > MAX_PHOTOS) return `最多上传 ${MAX_PHOTOS} 张照片`
  for (let i = 0; i < photos.length; i++) {
    const problem = photoProblem(photos[i])
    if (problem) return `第 ${i + 1} 张照片${problem}`
  }
  return null
}

/**
 * China's extent (about 3.8°–53.6° N, 73.5°–135.1° E). 12345 cases are local; a point outside
 * is a failed location fix — (0, 0) is what some pickers return — or latitude and longitude swapped.
 */
function inChina(latitude: number, longitude: number): boolean {
  return latitude >= 3.8 && latitude <= 53.6 && longitude >= 73.5 && longitude <= 135.1
}

const absent = (value: unknown) => value === undefined || value === null

function locationProblem(location: ComplaintLocation): string | null {
  const { latitude, longitude, address } = location
  if (absent(latitude) !== absent(longitude)) return '定位信息不完整，请重新选择位置'
  if (!absent(latitude)) {
    // A map point: both coordinates, inside China.
    const lat = latitude as number
    const lng = longitude as number
    if (!Number.isFinite(lat) || !Number.isFinite(lng) || !inChina(lat, lng)) return '定位不在中国境内，请重新选择位置'
  }
  const count = characterCount(typeof address === 'string' ? address.trim() : '')
  if (count === 0) return '请填写详细地址'
  if (count > MAX_ADDRESS_CHARS) return `地址不能超过 ${MAX_ADDRESS_CHARS} 个字`
  return null
}

/** The concerned party as stored and sent: trimmed, or null when blank. */
export function normaliseConcernedParty(text: string | null | undefined): string | null {
  const trimmed = typeof text === 'string' ? text.trim() : ''
  return trimmed ? trimmed : null
}

/** Field → Chinese message; empty when the complaint can be submitted. */
export function complaintInputProblems(
  input: ComplaintInput,
  rules: ComplaintRules = DEFAULT_COMPLAINT_RULES,
): Partial<Record<ComplaintField, string>> {
  const problems: Partial<Record<ComplaintField, string>> = {}
  if (!input.category) problems.category = '请选择诉求类别'
  else if (complaintCategory(input.category, rules) === undefined) problems.category = '该诉求类别未开通，请重新选择'
  const title = lengthProblem(input.title, TITLE_MIN_CHARS, TITLE_MAX_CHARS, '标题')
  if (title !== null) problems.title = title
  const description = lengthProblem(input.description, DESCRIPTION_MIN_CHARS, DESCRIPTION_MAX_CHARS, '诉求内容')
  if (description !== null) problems.description = description
  const photos = photosProblem(input.photos)
  if (photos !== null) problems.photos = photos

  const phone = input.contactPhone?.trim() ?? ''
  if (input.anonymous) {
    // 匿名 means no way back to the person (docs/domain.md §5); collecting a number anyway would be
    // personal data with no purpose (PIPL 第六条, minimum necessary).
    if (phone) problems.contactPhone = '匿名提交不留联系电话，请清空或改为实名提交'
  } else if (!phone) problems.contactPhone = '请填写联系电话，以便办理单位联系您'
  else if (!isMainlandMobile(phone)) problems.contactPhone = '请填写正确的 11 位手机号码'

  if (input.location !== null) {
    const location = locationProblem(input.location)
    if (location !== null) problems.location = location
  }
  const concerned = input.concernedParty
  if (typeof concerned === 'string' && characterCount(concerned.trim()) > MAX_CONCERNED_PARTY_CHARS)
    problems.concernedParty = `涉及部门或企业不能超过 ${MAX_CONCERNED_PARTY_CHARS} 个字`
  return problems
}
