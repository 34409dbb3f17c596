import type { FastifyInstance } from 'fastify'
import type { Job } from './job'
import { startJob, type RunningJob } from './scheduler'

export type { Job, JobContext, Cadence } from './job'

/**
 * The kernel's half of the jobs: starting and stopping a list of them. The list itself is the
 * composition's (server/jobs.ts, from each capability's `jobs.ts`): the kernel knows no capability.
 */

export function findJob(name: string, jobs: readonly Job[]): Job | undefined {
  return jobs.find((job) => job.name === name)
}

/**
 * Starts the enabled jobs when the app is ready and stops them (waiting for runs under way) when
 * it closes. The one place the server's timers are started.
 */
export function registerJobs(app: FastifyInstance, jobs: readonly Job[]): void {
  const keys = new Set(jobs.map((job) => job.lockKey))
  const names = new Set(jobs.map((job) => job.name))
  if (keys.size !== jobs.length || names.size !== jobs.length) {
    throw new Error('job names and advisory-lock keys must be unique')
  }
  let running: RunningJob[] = []
  app.addHook('onReady', async () => {
    running = jobs.filter((job) => job.enabled(app.config)).map((job) => startJob(app, job))
  })
  app.addHook('onClose', async () => {
    await Promise.all(running.map((job) => job.stop()))
    running = []
  })
}
