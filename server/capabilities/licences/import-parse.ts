/**
 * Registry feeds: JSON lines (application/x-ndjson) or CSV (text/csv, RFC 4180, header row),
 * each record with uscc, type_code, number, authority, issued_on, expires_on, scope, status.
 */
import { textProblem } from '../../kernel/http/input-door'

export const IMPORT_FIELDS = [
  'uscc',
  'type_code',
  'number',
  'authority',
  'issued_on',
  'expires_on',
  'scope',
  'status',
] as const

export type ImportField = (typeof IMPORT_FIELDS)[number]

/** One record with the line it starts on (1-based, the CSV header being line 1). */
export interface ImportRecord {
  line: number
  fields: Partial<Record<ImportField, string>> | null
  /** why the line could not be read at all */
  problem?: string
}

export class ImportFormatError extends Error {
  readonly name = 'ImportFormatError'
}

const REQUIRED: readonly ImportField[] = ['uscc', 'type_code', 'number', 'authority', 'issued_on', 'expires_on']

function textFields(value: unknown): { fields: Partial<Record<ImportField, string>> | null; problem?: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { fields: null, problem: '不是 JSON 对象' }
  const record = value as Record<string, unknown>
  const unknown = Object.keys(record).filter((key) => !(IMPORT_FIELDS as readonly string[]).includes(key))
  if (unknown.length > 0) return { fields: null, problem: `不支持的字段 ${unknown.join('、')}` }
  const fields: Partial<Record<ImportField, string>> = {}
  for (const field of IMPORT_FIELDS) {
    const item = record[field]
    if (item === undefined || item === null) continue
    if (typeof item !== 'string') return { fields: null, problem: `${field} 应为字符串` }
    fields[field] = item
  }
  return storableFields(fields)
}

const FIELD_LABELS: Record<ImportField, string> = {
  uscc: '统一社会信用代码',
  type_code: '证照类型',
  number: '证照编号',
  authority: '发证机关',
  issued_on: '发证日期',
  expires_on: '有效期截止日期',
  scope: '许可范围',
  status: '状态',
}

const CELL_PROBLEMS = {
  nul: '含有空字符（U+0000）',
  surrogate: '含有无法识别的字符（不完整的 Unicode 编码）',
} as const

/** The database cannot store U+0000 or a lone surrogate: such a line is reported, the rest imported. */
function storableFields(fields: Partial<Record<ImportField, string>>): {
  fields: Partial<Record<ImportField, string>> | null
  problem?: string
} {
  for (const field of IMPORT_FIELDS) {
    const problem = fields[field] === undefined ? '' : textProblem(fields[field])
    if (problem) return { fields: null, problem: `${FIELD_LABELS[field]}（${field}）${CELL_PROBLEMS[problem]}` }
  }
  return { fields }
}

export function parseNdjson(text: string): ImportRecord[] {
  const records: ImportRecord[] = []
  text.split(/\r?\n/).forEach((raw, index) => {
    if (raw.trim() === '') return
    let value: unknown
    try {
      value = JSON.parse(raw)
    } catch {
      records.push({ line: index + 1, fields: null, problem: '不是有效的 JSON' })
      return
    }
    records.push({ line: index + 1, ...textFields(value) })
  })
  return records
}

/** Rows of cells with the line each starts on; quoted cells may hold commas, quotes and newlines. */
function csvRows(text: string): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = []
  let cells: string[] = []
  let cell = ''
  let quoted = false
  let line = 1
  let rowLine = 1
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (c === '"') quoted = false
      else {
        if (c === '\n') line++
        cell += c
      }
    } else if (c === '"' && cell === '') quoted = true
    else if (c === ',') {
      cells.push(cell)
      cell = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      cells.push(cell)
      rows.push({ line: rowLine, cells })
      cells = []
      cell = ''
      line++
      rowLine = line
    } else cell += c
  }
  if (quoted) throw new ImportFormatError(`第 ${rowLine} 行起的引号没有闭合`)
  if (cell !== '' || cells.length > 0) {
    cells.push(cell)
    rows.push({ line: rowLine, cells })
  }
  return rows.filter((row) => !(row.cells.length === 1 && row.cells[0].trim() === ''))
}

export function parseCsv(text: string): ImportRecord[] {
  const rows = csvRows(text.replace(/^\uFEFF/, ''))
  if (rows.length === 0) throw new ImportFormatError('文件为空')
  const header = rows[0].cells.map((name) => name.trim().toLowerCase())
  const unknown = header.filter((name) => !(IMPORT_FIELDS as readonly string[]).includes(name))
  const missing = REQUIRED.filter((name) => !header.includes(name))
  if (unknown.length > 0 || missing.length > 0 || new Set(header).size !== header.length) {
    throw new ImportFormatError(
      `表头须为 ${IMPORT_FIELDS.join(',')}${missing.length ? `，缺少 ${missing.join('、')}` : ''}${
        unknown.length ? `，不支持 ${unknown.join('、')}` : ''
      }`,
    )
  }
  return rows.slice(1).map(({ line, cells }) => {
    if (cells.length !== header.length) {
      return { line, fields: null, problem: `应有 ${header.length} 列，实有 ${cells.length} 列` }
    }
    const fields: Partial<Record<ImportField, string>> = {}
    header.forEach((name, i) => {
      fields[name as ImportField] = cells[i]
    })
    return { line, ...storableFields(fields) }
  })
}
