import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

/**
 * Where uploaded files live. Keys are random names the server generates (never anything the client
 * sent), so a key is safe to use as a file name. Local disk by default; an object store can stand
 * in behind the same interface.
 */
export interface AttachmentStorage {
  put(key: string, bytes: Buffer): Promise<void>
  /** null when nothing is stored under the key */
  get(key: string): Promise<Buffer | null>
}

const KEY_PATTERN = /^[a-f0-9]{32}$/

function checkedKey(key: string): string {
  if (!KEY_PATTERN.test(key)) throw new Error(`Not a storage key: ${key}`)
  return key
}

/** Files under `root`, spread over 256 sub-directories by the key's first two characters. */
export function localDiskStorage(root: string): AttachmentStorage {
  const pathOf = (key: string) => join(root, checkedKey(key).slice(0, 2), key)
  return {
    async put(key, bytes) {
      const path = pathOf(key)
      await mkdir(dirname(path), { recursive: true })
      // Written aside and renamed, so a reader never sees half a file.
      const partial = `${path}.partial`
      await writeFile(partial, bytes)
      await rename(partial, path)
    },
    async get(key) {
      try {
        return await readFile(pathOf(key))
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
        throw error
      }
    },
  }
}

/**
 * The default local directory: `attachments` beside the PGlite data directory (DATA_DIR). An
 * in-memory database (`memory://`) keeps its files in a per-process temporary directory, not in
 * the working directory (dirname('memory://') is '.').
 */
export function defaultAttachmentDir(dataDir: string): string {
  if (dataDir.startsWith('memory://')) return join(tmpdir(), `zqt-attachments-${process.pid}`)
  return join(dirname(dataDir), 'attachments')
}
