import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { API_PREFIX } from '../../../src/contract/endpoint'
import type { AttachmentStorage } from '../../kernel/storage/attachment-storage'
import { complaintRoutes } from './routes/complaints'
import { staffComplaintRoutes } from './routes/staff-complaints'

export interface ComplaintsPluginOptions {
  /** Where complaint photos are kept. */
  storage: AttachmentStorage
}

/** 有诉即办: complaints, the staff's side, progress notices. */
async function complaints(app: FastifyInstance, options: ComplaintsPluginOptions): Promise<void> {
  await app.register(
    async (api) => {
      await api.register(complaintRoutes, { storage: options.storage })
      await api.register(staffComplaintRoutes, { storage: options.storage })
    },
    { prefix: API_PREFIX },
  )
}

export const complaintsPlugin = fp(complaints, {
  name: 'complaints',
  decorators: { fastify: ['db', 'config', 'clock', 'messageSenders'] },
})
