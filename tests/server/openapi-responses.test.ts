import { createTestApp, type TestApp } from './helpers'
import OPERATIONS_BEFORE from './openapi-operations.json'

/**
 * The OpenAPI document (issue #13 item 11): the same operations as before the contract took the last
 * routes (openapi-operations.json, captured on 2026-12-05 before that change: 126 operations), and
 * every API operation with a schema for its success answer. A JSON answer is an object, an array or
 * nothing; bytes (a certificate, a CRL, a PNG, a DER file, a photo, an iCalendar feed) state their
 * media type instead of passing for a JSON string. A new route adds its line to the JSON file.
 */

interface Response {
  description?: string
  content?: { [mediaType: string]: { schema?: { type?: string | string[]; $ref?: string } } }
}
interface Operation {
  responses?: { [status: string]: Response }
}

let t: TestApp
let operations: Map<string, Operation>

beforeAll(async () => {
  t = await createTestApp()
  const doc = (await t.app.inject('/api/docs/json')).json() as { paths: Record<string, Record<string, Operation>> }
  operations = new Map()
  for (const [path, methods] of Object.entries(doc.paths))
    for (const [method, operation] of Object.entries(methods))
      operations.set(`${method.toUpperCase()} ${path}`, operation)
})
afterAll(() => t?.close())

/** What is wrong with an operation's success answers ([] when nothing). */
function successProblems(operation: Operation): string[] {
  const success = Object.entries(operation.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status))
  if (success.length === 0) return ['no success response']
  const problems: string[] = []
  for (const [status, response] of success) {
    if (status === '204') continue
    const media = Object.entries(response.content ?? {})
    if (media.length === 0) problems.push(`${status}: no schema`)
    for (const [mediaType, { schema }] of media) {
      if (!schema) problems.push(`${status} ${mediaType}: no schema`)
      const type = [schema?.type ?? []].flat()[0]
      if (mediaType === 'application/json' && !schema?.$ref && !['object', 'array', 'null'].includes(type ?? ''))
        problems.push(`${status} ${mediaType}: ${type ?? 'untyped'} (bytes state their media type)`)
    }
  }
  return problems
}

test('the document lists the same operations as before the last routes moved onto the contract', () => {
  expect([...operations.keys()].sort()).toEqual(OPERATIONS_BEFORE)
})

test('every API operation has a schema for its success answer; bytes state their media type', () => {
  const api = [...operations].filter(([key]) => / \/(api\/v1|calendar)\//.test(key))
  expect(api.length).toBeGreaterThan(120)
  const problems = api.flatMap(([key, operation]) => successProblems(operation).map((problem) => `${key}: ${problem}`))
  expect(problems).toEqual([])
})
