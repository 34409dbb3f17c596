import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig } from '../../server/kernel/config'
import { devAdminKeyFile, withDevelopmentAdminKey } from '../../server/kernel/dev-admin-key'
import { readyBanner } from '../../server/ready-banner'
import { h5BuildIsCurrent, h5InputDigest } from '../../scripts/start'
import { DEMO_ENTERPRISES, DEMO_USERS } from '../../server/seed/demo'
import { demoLicences } from '../../server/capabilities/licences/seed/demo-licences'
import { addDays, toDayNumber } from '../../src/domain/calendar/dates'
import { renewalDeadlineDays } from '../../src/domain/licences/deadline'
import { DEFAULT_REMINDER_OFFSETS, dueReminderOffsetOnDay } from '../../src/domain/licences/reminders'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zqt-start-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const configFor = (env: Record<string, string>) => loadConfig({ DATA_DIR: join(dir, 'pglite'), ...env })

describe('development admin key', () => {
  it('is generated once in development without ADMIN_API_KEY, kept beside the data, and the same on the next start', () => {
    const first = withDevelopmentAdminKey(configFor({ NODE_ENV: 'development' }))
    expect(first.generatedAdminKey).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(first.config.adminApiKey).toBe(first.generatedAdminKey)
    const file = devAdminKeyFile(first.config.dataDir)!
    expect(readFileSync(file, 'utf8').trim()).toBe(first.generatedAdminKey)
    const second = withDevelopmentAdminKey(configFor({ NODE_ENV: 'development' }))
    expect(second.config.adminApiKey).toBe(first.generatedAdminKey)
  })

  it('is never generated nor read in test or production, and a configured key is used as it is', () => {
    writeFileSync(join(dir, 'dev-admin-key'), `${'k'.repeat(43)}\n`)
    const test = withDevelopmentAdminKey(configFor({ NODE_ENV: 'test' }))
    expect(test.config.adminApiKey).toBeUndefined()
    expect(test.generatedAdminKey).toBeNull()
    const production = withDevelopmentAdminKey({ ...configFor({ NODE_ENV: 'test' }), nodeEnv: 'production' })
    expect(production.config.adminApiKey).toBeUndefined()
    const configured = withDevelopmentAdminKey(
      configFor({ NODE_ENV: 'development', ADMIN_API_KEY: 'configured-admin-key-0123456789abcdef' }),
    )
    expect(configured.config.adminApiKey).toBe('configured-admin-key-0123456789abcdef')
    expect(configured.generatedAdminKey).toBeNull()
  })

  it('replaces a kept file that is not a key, and keeps nothing for an in-memory database', () => {
    writeFileSync(join(dir, 'dev-admin-key'), 'short\n')
    const replaced = withDevelopmentAdminKey(configFor({ NODE_ENV: 'development' }))
    expect(replaced.config.adminApiKey).not.toBe('short')
    expect(replaced.config.adminApiKey!.length).toBeGreaterThanOrEqual(32)
    const memory = withDevelopmentAdminKey(loadConfig({ NODE_ENV: 'development', DATA_DIR: 'memory://' }))
    expect(memory.generatedAdminKey).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(devAdminKeyFile('memory://')).toBeNull()
  })
})

describe('ready banner', () => {
  it('names the URL, the three demo users, the sandbox face identity and the generated admin key', () => {
    const config = configFor({ NODE_ENV: 'development', SANDBOX: '1', PORT: '10086' })
    const banner = readyBanner({
      config,
      dbKind: 'pglite',
      h5Served: true,
      generatedAdminKey: 'generated-key-0123456789abcdefghijklmnop',
      adminKeyFile: '.data/dev-admin-key',
    })
    expect(banner).toContain('http://127.0.0.1:10086/')
    for (const phone of ['13800000001', '13800000002', '13800000003']) expect(banner).toContain(phone)
    // The identity the sandbox face check and the seeded seals accept (tests/e2e/seals.e2e.ts uses it).
    expect(banner).toContain('姓名 张建国, 身份证号 411002197803150371')
    expect(banner).toContain('generated-key-0123456789abcdefghijklmnop')
    expect(banner).toContain('.data/dev-admin-key')
  })

  it('prints no demo data without the sandbox and never a configured key', () => {
    const config = configFor({ NODE_ENV: 'development', ADMIN_API_KEY: 'configured-admin-key-0123456789abcdef' })
    const banner = readyBanner({
      config,
      dbKind: 'pglite',
      h5Served: false,
      generatedAdminKey: null,
      adminKeyFile: null,
    })
    expect(banner).not.toContain('13800000001')
    expect(banner).not.toContain('configured-admin-key')
    expect(banner).toContain('npm run build:h5')
  })
})

describe('npm start reuses the H5 build', () => {
  function project() {
    mkdirSync(join(dir, 'src/pages'), { recursive: true })
    mkdirSync(join(dir, 'config'), { recursive: true })
    mkdirSync(join(dir, 'dist/h5'), { recursive: true })
    writeFileSync(join(dir, 'src/pages/index.tsx'), 'export default 1')
    writeFileSync(join(dir, 'config/index.ts'), 'export default {}')
    writeFileSync(join(dir, 'package-lock.json'), '{}')
    writeFileSync(join(dir, 'dist/h5/index.html'), '<!doctype html>')
  }

  it('is current only while sources, lockfile and build environment are what it was built from', () => {
    project()
    const stamp = join(dir, 'dist/h5.stamp')
    const dist = join(dir, 'dist/h5')
    const built = h5InputDigest(dir, {})
    expect(h5BuildIsCurrent(built, dist, stamp)).toBe(false)
    writeFileSync(stamp, `${built}\n`)
    expect(h5BuildIsCurrent(h5InputDigest(dir, {}), dist, stamp)).toBe(true)

    writeFileSync(join(dir, 'src/pages/index.tsx'), 'export default 2')
    expect(h5BuildIsCurrent(h5InputDigest(dir, {}), dist, stamp)).toBe(false)
    writeFileSync(join(dir, 'src/pages/index.tsx'), 'export default 1')
    writeFileSync(join(dir, 'src/pages/new.tsx'), '')
    expect(h5BuildIsCurrent(h5InputDigest(dir, {}), dist, stamp)).toBe(false)
    rmSync(join(dir, 'src/pages/new.tsx'))
    expect(h5BuildIsCurrent(h5InputDigest(dir, { API_BASE_URL: 'https://zqt.example.gov.cn' }), dist, stamp)).toBe(
      false,
    )
    writeFileSync(join(dir, 'package-lock.json'), '{"lockfileVersion":3}')
    expect(h5BuildIsCurrent(h5InputDigest(dir, {}), dist, stamp)).toBe(false)
  })

  it('is not current when the build output is gone', () => {
    project()
    const stamp = join(dir, 'dist/h5.stamp')
    writeFileSync(stamp, h5InputDigest(dir, {}))
    rmSync(join(dir, 'dist/h5/index.html'))
    expect(existsSync(stamp)).toBe(true)
    expect(h5BuildIsCurrent(h5InputDigest(dir, {}), join(dir, 'dist/h5'), stamp)).toBe(false)
  })
})

describe("the README walkthrough: today's reminder run on the day of seeding", () => {
  it('has a reminder due for the demo legal representative on almost every day of the year', () => {
    const rep = DEMO_USERS.find((user) => user.phone === '13800000001')!
    const enterprises = DEMO_ENTERPRISES.filter((e) => rep.links.some((link) => link.enterprise === e.key))
    const days = Array.from({ length: 365 }, (_, i) => addDays('2026-01-01', i))
    const quiet = days.filter((today) => {
      const due = enterprises.flatMap((enterprise) =>
        demoLicences(enterprise, today).filter((licence) => {
          const latest = renewalDeadlineDays(toDayNumber(licence.facts.expiresOn), licence.type.leadRule).latest
          return dueReminderOffsetOnDay(latest, toDayNumber(today), DEFAULT_REMINDER_OFFSETS) >= 0
        }),
      )
      return due.length === 0
    })
    // Only where a long holiday leaves no working-day deadline 3 or 7 days out (春节, 国庆).
    expect(quiet.length).toBeLessThanOrEqual(20)
  })
})
