/**
 * 账号 wire schemas (health, system, auth, me, enterprises, members, inbox, reminder settings,
 * admin systems and reminders). Server-side at runtime; the app: `import type` only.
 */

import { Type, type Static } from 'typebox'
import { StringEnum } from '../common'
import type { OperationSchemas } from '../endpoint'

export const HealthResponse = Type.Object({
  status: StringEnum(['ok'] as const),
  db: StringEnum(['pglite', 'postgres'] as const),
})
export type HealthResponse = Static<typeof HealthResponse>

export const SystemWhoAmI = Type.Object(
  { id: Type.String(), name: Type.String(), scopes: Type.Array(Type.String()) },
  { additionalProperties: false },
)
export type SystemWhoAmI = Static<typeof SystemWhoAmI>

/** The schemas of each account operation, by the operation's name in ./endpoints.ts. */
export const ops = {
  getHealth: { response: { 200: HealthResponse } },
  systemWhoAmI: { response: { 200: SystemWhoAmI } },
} satisfies { [name: string]: OperationSchemas }
