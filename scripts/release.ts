// A release build of a mini-program: `API_BASE_URL=https://zqt.example.gov.cn npm run release:weapp`
// (or release:alipay). Refuses to start without an https API_BASE_URL on a domain (the Taro config
// refuses again, for anyone running `ZQT_RELEASE=1 taro build` by hand), builds with
// NODE_ENV=production, then runs the output check (ES2018 syntax, no regex lookbehind) on the result.
// `npm run build:weapp` stays the development build against the local server.
import { execFileSync } from 'node:child_process'
import { releaseApiBaseProblem } from '../config/apiBase'
import { runOutputCheck } from './output-check'

const target = process.argv[2]
if (target !== 'weapp' && target !== 'alipay') {
  console.error('usage: tsx scripts/release.ts weapp|alipay')
  process.exit(2)
}
const problem = releaseApiBaseProblem(process.env.API_BASE_URL)
if (problem) {
  console.error(
    `release:${target} refused: ${problem}. Example: API_BASE_URL=https://zqt.example.gov.cn npm run release:${target}`,
  )
  process.exit(1)
}
execFileSync('npx', ['taro', 'build', '--type', target], {
  stdio: 'inherit',
  env: { ...process.env, ZQT_RELEASE: '1', NODE_ENV: 'production' },
})
if (!runOutputCheck([`dist/${target}`])) process.exit(1)
console.log(`\nrelease ${target} built in dist/${target} against ${process.env.API_BASE_URL}`)
