/**
 * Names of 行政区划 (GB/T 2260 codes) from @vant/area-data — a complete table (34 provinces, 369
 * cities, ~3,500 districts and counties) kept up to date by the Vant maintainers from the 民政部
 * 行政区划代码 releases. It is ~60 KB of names: the server and the region API use it; code shipped
 * to the phone must not import this file (the picker asks the API for one level at a time).
 */
import { areaList } from '@vant/area-data'
import { NATIONAL, isRegionCode, regionLevel } from './regionCodes'

export interface RegionEntry {
  code: string
  name: string
}

const { province_list: provinces, city_list: cities, county_list: counties } = areaList

/** The name of one code alone: 411002 → 魏都区, 411000 → 许昌市, 410000 → 河南省; null when unknown. */
export function regionName(code: string): string | null {
  if (code === NATIONAL) return '全国'
  if (!isRegionCode(code)) return null
  const level = regionLevel(code)
  const table = level === 'province' ? provinces : level === 'city' ? cities : counties
  return table[code] ?? null
}

/** Province, city and district of a code, widest first; empty when the code is not in the table. */
export function regionPath(code: string): RegionEntry[] {
  if (!isRegionCode(code) || code === NATIONAL || regionName(code) === null) return []
  const codes = [`${code.slice(0, 2)}0000`, `${code.slice(0, 4)}00`, code]
  return [...new Set(codes)].flatMap((c) => {
    const name = regionName(c)
    return name === null ? [] : [{ code: c, name }]
  })
}

/**
 * A code as people say it: 「河南省许昌市魏都区」; a municipality's city level repeats its
 * province (北京市 北京市 东城区) and is said once. Null when the code is not in the table.
 */
export function regionFullName(code: string): string | null {
  if (code === NATIONAL) return '全国'
  const path = regionPath(code)
  if (path.length === 0) return null
  return path
    .map((entry) => entry.name)
    .filter((name, i, names) => i === 0 || name !== names[i - 1])
    .join('')
}

/** The areas one level below `parent` (provinces below the country), in code order. */
export function regionChildren(parent: string = NATIONAL): RegionEntry[] {
  if (!isRegionCode(parent)) return []
  const level = regionLevel(parent)
  if (level === 'district') return []
  const [table, prefix] =
    level === 'national'
      ? [provinces, '']
      : level === 'province'
        ? [cities, parent.slice(0, 2)]
        : [counties, parent.slice(0, 4)]
  return Object.keys(table)
    .filter((code) => code.startsWith(prefix))
    .sort()
    .map((code) => ({ code, name: table[code] }))
}

/**
 * The code of a place written as a policy writes it (「许昌市」, 「河南省」, 「衢州市柯城区」,
 * 「全国」), for policies stored before they carried a code; null when no single area has that name.
 */
export function regionCodeOfName(text: string): string | null {
  const name = text.trim()
  if (name === '全国' || name.startsWith('全国')) return NATIONAL
  const found = [provinces, cities, counties].flatMap((table) =>
    Object.keys(table).filter((code) => table[code] === name || regionFullName(code)?.endsWith(name)),
  )
  const unique = [...new Set(found)]
  return unique.length === 1 ? unique[0] : null
}
