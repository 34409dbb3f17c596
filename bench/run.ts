// `npm run bench`: every benchmark, each printing its figures beside a floor or a naive method.
// Pass names to run some only: `npm run bench -- deadlines`.
import { benchComplaintSubmit } from './complaints'
import { benchDeadlines } from './deadlines'
import { benchFuzz } from './fuzz'
import { benchPolicyMatching } from './policies'
import { benchPolicyPush } from './policy-push'
import { benchReminderJob } from './reminders'
import { benchSm2 } from './sm2'

const BENCHES: Record<string, () => Promise<unknown>> = {
  deadlines: () => benchDeadlines(),
  reminders: () => benchReminderJob(),
  policies: () => benchPolicyMatching(),
  'policy-push': () => benchPolicyPush(),
  sm2: () => benchSm2(),
  complaints: () => benchComplaintSubmit(),
  fuzz: () => benchFuzz(),
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'))
  const names = wanted.length ? wanted : Object.keys(BENCHES)
  for (const name of names) {
    const bench = BENCHES[name]
    if (!bench) throw new Error(`unknown benchmark "${name}"; known: ${Object.keys(BENCHES).join(', ')}`)
    console.log(`\n== ${name}`)
    await bench()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
