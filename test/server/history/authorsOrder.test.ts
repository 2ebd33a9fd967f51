import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { writePlan } from '../../../shared/collab/ydoc.ts'
import { authorsBetween } from '../../../server/history/authorsBetween.ts'
import { LevelStorage } from '../../../server/storage/LevelStorage.ts'
import { elementsNamed, textIn } from '../../utils/planText.ts'
import { districtSeed } from '../../utils/seeds.ts'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** One stored change: `userId` prepends `text` to item 1's lead sentence on `doc` (all at the same millisecond). */
function change(doc: Y.Doc, userId: string, text: string): { userId: string; at: number; update: Uint8Array; clients: number[] } {
  const before = Y.encodeStateVector(doc)
  textIn(doc, 'itemTitle', 0).insert(0, text)
  return { userId, at: 1_700_000_000_000, update: Y.encodeStateAsUpdate(doc, before), clients: [doc.clientID] }
}

describe('authorsBetween', () => {
  it('puts the latest author of an item first by history order, also when their changes share a millisecond', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-authors-'))
    dirs.push(dir)
    const storage = await LevelStorage.open(join(dir, 'db'))
    try {
      const doc = new Y.Doc()
      writePlan(doc, districtSeed())
      await storage.appendUpdates('d', [{ userId: 'owner', at: 1_700_000_000_000, update: Y.encodeStateAsUpdate(doc), clients: [doc.clientID] }])
      const id = elementsNamed(doc, 'item')[0].getAttribute('id') as string
      const order = async (): Promise<string[]> => ((await authorsBetween(storage, 'd', 1)).get(id)?.authors ?? []).map((a) => a.userId)

      await storage.appendUpdates('d', [change(doc, 'zhang', '张'), change(doc, 'li', '李')])
      expect(await order()).toEqual(['li', 'zhang'])
      await storage.appendUpdates('d', [change(doc, 'zhang', '张')])
      expect(await order()).toEqual(['zhang', 'li'])
    } finally {
      await storage.close()
    }
  })
})
