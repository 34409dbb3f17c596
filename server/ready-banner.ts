import type { Config } from './kernel/config'
import { DEMO_ENTERPRISES, DEMO_USERS, demoIdNumber, demoUscc } from './seed/demo'

export interface ReadyFacts {
  config: Config
  dbKind: string
  /** Whether an H5 build is served at `/`. */
  h5Served: boolean
  /** The admin key made for this development server (server/kernel/dev-admin-key.ts), or null. */
  generatedAdminKey: string | null
  adminKeyFile: string | null
}

/**
 * The one block `npm start` ends with: where the app is, and what a newcomer types into it — the
 * demo accounts, the identity the sandbox face check accepts, an enterprise for the API examples,
 * and the development admin key (printed only when generated here; a configured key never is).
 */
export function readyBanner(facts: ReadyFacts): string {
  const { config } = facts
  const url = `http://${config.host}:${config.port}`
  const lines = [
    `政企通 is ready: ${url}`,
    `  H5 app    ${facts.h5Served ? `${url}/  (a phone-sized window suits it)` : 'not built: run npm run build:h5 (serving the API only)'}`,
    `  API       ${url}/api/v1${config.apiDocs ? `   docs ${url}/api/docs` : ''}`,
    `  mode      ${config.nodeEnv}, sandbox ${config.sandbox ? 'on' : 'off'}, database ${facts.dbKind}${facts.dbKind === 'pglite' ? ` (${config.dataDir})` : ''}`,
  ]
  if (config.sandbox) {
    const face = DEMO_USERS.find((user) => user.idNumberBody)
    const enterprise = DEMO_ENTERPRISES.find((e) => e.legalRepresentative === face?.name)
    lines.push('', 'Demo accounts (login page: tap 演示账号, or type the phone):')
    for (const user of DEMO_USERS) lines.push(`  ${user.phone}  ${user.name}, ${user.persona}`)
    if (face?.idNumberBody) {
      lines.push(
        '',
        `Sandbox face check (刷脸): 姓名 ${face.name}, 身份证号 ${demoIdNumber(face.idNumberBody)}, then 沙箱：模拟通过`,
      )
    }
    if (enterprise) lines.push(`Enterprise for the API examples: ${enterprise.name}, USCC ${demoUscc(enterprise)}`)
  }
  if (facts.generatedAdminKey) {
    lines.push(
      '',
      `Admin key (development only${facts.adminKeyFile ? `, kept in ${facts.adminKeyFile}` : ''}):`,
      `  ${facts.generatedAdminKey}`,
    )
  }
  const width = Math.max(...lines.map((line) => line.length)) + 2
  const rule = '─'.repeat(Math.min(width, 100))
  return [rule, ...lines, rule].join('\n')
}
