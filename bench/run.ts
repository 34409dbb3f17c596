// `npm run bench`: every benchmark, each printing its figures beside a floor or a naive method.
// Pass names to run some only: `npm run bench -- deadlines`. `npm run bench -- lighthouse` (H5 page
// budgets in Chromium) runs only when named.
import { benchCalendar } from './calendar'
import { benchCalendarFeed } from './calendar-feed'
import { benchComplaintSubmit } from './complaints'
import { benchDeadlines } from './deadlines'
import { benchFuzz } from './fuzz'
import { benchLighthouse } from './lighthouse'
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
  calendar: async () => {
    await benchCalendar()
    await benchCalendarFeed()
  },
  fuzz: () => benchFuzz(),
  lighthouse: () => benchLighthouse(),
}

/** Run only when named: lighthouse needs a browser and an H5 build; the full fuzz takes minutes. */
const ON_REQUEST = new Set(['lighthouse', 'fuzz'])

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'))
  const names = wanted.length ? wanted : Object.keys(BENCHES).filter((name) => !ON_REQUEST.has(name))
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
