import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defaultAttachmentDir } from '../../server/kernel/storage/attachment-storage'

test.each([
  ['.data/pglite', join('.data', 'attachments')],
  ['/var/lib/zqt/pglite', '/var/lib/zqt/attachments'],
])('photos of a database in %s are kept in %s', (dataDir, expected) => {
  expect(defaultAttachmentDir(dataDir)).toBe(expected)
})

test('an in-memory database keeps photos in a temporary directory, not in the working directory', () => {
  const dir = defaultAttachmentDir('memory://')
  expect(dir.startsWith(tmpdir())).toBe(true)
  expect(dir).not.toBe('attachments')
})
