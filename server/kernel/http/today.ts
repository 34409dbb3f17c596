import type { FastifyInstance } from 'fastify'
import { chinaDateOf, type IsoDate } from '../../../src/domain/calendar/dates'

/** Today in China by the app's clock: licences expire on Chinese calendar days. */
export function todayInChina(app: FastifyInstance): IsoDate {
  return chinaDateOf(app.clock())
}
