// Hosts PGlite on its own thread; driven by ./pglite.ts over postMessage.
// Plain JavaScript on purpose: a worker is started by Node itself, outside tsx and jest, which
// also lets PGlite's internal dynamic import() work under jest's module sandbox.
import { readFile, writeFile } from 'node:fs/promises'
import { parentPort } from 'node:worker_threads'
import { PGlite } from '@electric-sql/pglite'

let pglite = null
let nextTransactionId = 1
/** Open transactions: id → { tx, finish, abort, done } */
const transactions = new Map()

function connection(transactionId) {
  if (transactionId === undefined) return pglite
  const open = transactions.get(transactionId)
  if (!open) throw new Error(`transaction ${transactionId} is not open`)
  return open.tx
}

/** Opens a PGlite transaction and keeps it open until commit or rollback arrives. */
function begin() {
  const id = nextTransactionId++
  return new Promise((started, failed) => {
    const entry = { tx: null, finish: null, abort: null, done: null }
    entry.done = pglite.transaction(
      (tx) =>
        new Promise((finish, abort) => {
          Object.assign(entry, { tx, finish, abort })
          transactions.set(id, entry)
          started(id)
        }),
    )
    entry.done.then(
      () => transactions.delete(id),
      (error) => {
        transactions.delete(id)
        // BEGIN itself failed, so the callback never ran.
        if (!entry.tx) failed(error)
      },
    )
  })
}

async function finish(id, commit) {
  const open = transactions.get(id)
  if (!open) throw new Error(`transaction ${id} is not open`)
  if (commit) open.finish()
  else open.abort(new Error('rollback'))
  try {
    await open.done
  } catch (error) {
    if (commit) throw error
  }
}

async function handle(message) {
  switch (message.op) {
    case 'open': {
      // A template (from 'dump') skips initdb, which is most of PGlite's start-up time.
      const loadDataDir = message.templatePath ? new Blob([await readFile(message.templatePath)]) : undefined
      pglite = await PGlite.create({ dataDir: message.dataDir, loadDataDir })
      return null
    }
    case 'dump': {
      const tarball = await pglite.dumpDataDir('none')
      await writeFile(message.path, Buffer.from(await tarball.arrayBuffer()))
      return null
    }
    case 'query': {
      const result = await connection(message.tx).query(message.sql, message.params)
      return { rows: result.rows }
    }
    case 'exec':
      await connection(message.tx).exec(message.sql)
      return null
    case 'begin':
      return begin()
    case 'commit':
      return finish(message.tx, true)
    case 'rollback':
      return finish(message.tx, false)
    case 'close':
      if (pglite) await pglite.close()
      pglite = null
      return null
    default:
      throw new Error(`unknown op ${message.op}`)
  }
}

/** Database errors carry code/detail/constraint…; copy them so the caller sees a pg-like error. */
function serializeError(error) {
  const copy = { message: String(error && error.message), name: (error && error.name) || 'Error' }
  if (error && typeof error === 'object') {
    for (const [key, value] of Object.entries(error)) {
      if (typeof value === 'string' || typeof value === 'number') copy[key] = value
    }
  }
  return copy
}

parentPort.on('message', (message) => {
  handle(message).then(
    (result) => parentPort.postMessage({ id: message.id, ok: true, result }),
    (error) => parentPort.postMessage({ id: message.id, ok: false, error: serializeError(error) }),
  )
})
