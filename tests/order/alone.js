#!/usr/bin/env node
/**
 * Runs every test of the given suites alone, one jest process per test (`-t '^<full name>$'`), and
 * reports those that fail alone although the suite passes (docs/decisions/0009):
 *
 *   node tests/order/alone.js [--jobs 2] [--out /tmp/alone.jsonl] tests/server/foo.test.ts tests/features
 *
 * Test names are listed without running anything (a pattern that matches no test skips them all, and
 * `--json` still lists them). Results are appended to --out as JSON lines; a rerun with the same
 * --out skips the tests it already has, so a long sweep can go in batches.
 */
const { execFile } = require('child_process')
const fs = require('fs')
const os = require('os')
const path = require('path')

const root = path.resolve(__dirname, '../..')
const jestBin = path.join(root, 'node_modules/jest/bin/jest.js')

const args = process.argv.slice(2)
let jobs = 1
let out = path.join(os.tmpdir(), 'jest-alone.jsonl')
const targets = []
for (let i = 0; i < args.length; i += 1) {
  if (args[i] === '--jobs') jobs = Number(args[(i += 1)])
  else if (args[i] === '--out') out = path.resolve(args[(i += 1)])
  else targets.push(args[i])
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

const jest = (jestArgs) =>
  new Promise((resolve) => {
    const file = path.join(os.tmpdir(), `jest-alone-${process.pid}-${Math.random().toString(36).slice(2)}.json`)
    execFile(
      process.execPath,
      [jestBin, '--ci', '--silent', '--json', `--outputFile=${file}`, ...jestArgs],
      { cwd: root, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, FORCE_COLOR: '0' } },
      (_error, _stdout, stderr) => {
        let report = null
        try {
          report = JSON.parse(fs.readFileSync(file, 'utf8'))
          fs.unlinkSync(file)
        } catch {
          // no report: jest itself failed; stderr says why
        }
        resolve({ report, stderr })
      },
    )
  })

const main = async () => {
  const listed = await jest(['-t', '^no test is called this$', ...targets])
  if (!listed.report) throw new Error(listed.stderr)
  const tests = []
  for (const suite of listed.report.testResults) {
    for (const assertion of suite.assertionResults)
      tests.push({ file: path.relative(root, suite.name), name: assertion.fullName })
  }
  const done = new Set()
  if (fs.existsSync(out)) {
    for (const line of fs.readFileSync(out, 'utf8').split('\n').filter(Boolean)) {
      const row = JSON.parse(line)
      done.add(`${row.file}\u0000${row.name}`)
    }
  }
  const todo = tests.filter((test) => !done.has(`${test.file}\u0000${test.name}`))
  process.stdout.write(`${tests.length} tests, ${todo.length} to run alone, ${jobs} at a time → ${out}\n`)
  let next = 0
  const failures = []
  const worker = async () => {
    while (next < todo.length) {
      const test = todo[next]
      next += 1
      const started = Date.now()
      // A generous default timeout: on a loaded machine a cold suite is slow, which is not what this checks.
      const runAlone = () => jest([test.file, '--testTimeout=30000', '-t', `^${escape(test.name)}$`])
      let { report, stderr } = await runAlone()
      const failedIn = (result) => (result ? result.numFailedTests + result.numRuntimeErrorTestSuites : 1)
      let retried = false
      if (failedIn(report) > 0) {
        // Once more: a test that fails alone fails alone every time; one that passes now was flaky.
        const first = { report, stderr }
        ;({ report, stderr } = await runAlone())
        retried = failedIn(report) === 0
        if (!retried) ({ report, stderr } = first)
      }
      const passed = report ? report.numPassedTests : 0
      const failed = failedIn(report)
      const status = retried ? 'flaky' : failed > 0 ? 'failed' : passed === 0 ? 'unmatched' : 'passed'
      const row = { file: test.file, name: test.name, status, ms: Date.now() - started }
      if (status !== 'passed' && status !== 'flaky') {
        const messages = report
          ? report.testResults.flatMap((suite) => [
              suite.message,
              ...suite.assertionResults.flatMap((a) => a.failureMessages),
            ])
          : [stderr]
        row.message = messages.filter(Boolean).join('\n').slice(0, 2000)
        failures.push(row)
      }
      fs.appendFileSync(out, `${JSON.stringify(row)}\n`)
      process.stdout.write(`${status.padEnd(9)} ${test.file} › ${test.name}\n`)
    }
  }
  await Promise.all(Array.from({ length: jobs }, worker))
  process.stdout.write(`\n${todo.length - failures.length} passed alone, ${failures.length} did not\n`)
  process.exitCode = failures.length > 0 ? 1 : 0
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`)
  process.exitCode = 2
})
