import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writePlan } from '../../../shared/collab/ydoc.ts'
import { DEFAULT_PLAN_LIMITS, type PlanLimits } from '../../../shared/plan/limits.ts'
import { InvalidUpdate, Room } from '../../../server/collab/Room.ts'
import { silentLog } from '../../../server/log.ts'
import { LevelStorage } from '../../../server/storage/LevelStorage.ts'
import { WriteAheadLog } from '../../../server/storage/WriteAheadLog.ts'
import { elementsNamed } from '../../utils/planText.ts'
import { districtSeed } from '../../utils/seeds.ts'
import { seededRandom } from '../../utils/seededRandom.ts'

// The item limit is checked per keystroke against a running upper bound of each item's length
// (server/collab/textLimits.ts ItemLengths) instead of a walk over the item's blocks: these tests
// hold it to the exact length, over many small updates in every block of an item.

let dir: string
let storage: LevelStorage
let wal: WriteAheadLog
let rooms = 0

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plan-item-limit-'))
  storage = await LevelStorage.open(join(dir, 'db'))
  wal = await WriteAheadLog.open(join(dir, 'wal.log'), storage, silentLog)
})

afterAll(async () => {
  wal.close()
  await storage.close()
  rmSync(dir, { recursive: true, force: true })
})

/** The length of an item's text: what the limit means. */
function itemLength(item: Y.XmlElement): number {
  let n = 0
  for (const block of item.toArray()) if (block instanceof Y.XmlElement) for (const t of block.toArray()) if (t instanceof Y.XmlText) n += t.length
  return n
}

function textOfBlock(block: Y.XmlElement): Y.XmlText {
  const text = block.toArray().find((c): c is Y.XmlText => c instanceof Y.XmlText)
  if (!text) throw new Error('block without text')
  return text
}

/** A room on the district seed whose item limit is `slack` characters above its longest item. */
function roomWithTightItems(slack: number): { room: Room; limits: PlanLimits } {
  const source = new Y.Doc()
  writePlan(source, districtSeed())
  const longest = Math.max(...elementsNamed(source, 'item').map(itemLength))
  const limits: PlanLimits = { ...DEFAULT_PLAN_LIMITS, itemChars: longest + slack }
  const room = new Room(`items${rooms++}`, { parts: [Y.encodeStateAsUpdate(source)], seq: 0, clientUsers: new Map() }, storage, wal, silentLog, limits)
  return { room, limits }
}

/** Makes a change on a copy of the room's document; returns its update and whether every item stays within `max`. */
function changeOnCopy(room: Room, max: number, change: (doc: Y.Doc) => void): { update: Uint8Array; fits: boolean } {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(room.doc))
  const before = Y.encodeStateVector(copy)
  change(copy)
  return { update: Y.encodeStateAsUpdate(copy, before), fits: elementsNamed(copy, 'item').every((item) => itemLength(item) <= max) }
}

/** Whether the room accepted the update; a refusal must be a size refusal. */
function accepted(room: Room, update: Uint8Array): boolean {
  try {
    room.receive(update, 'u1', null)
    return true
  } catch (err) {
    expect(err).toBeInstanceOf(InvalidUpdate)
    expect((err as InvalidUpdate).kind).toBe('size')
    return false
  }
}

describe('the item length limit over many small updates', () => {
  it('refuses the keystroke that takes an item past the limit when the characters came one block at a time', () => {
    const { room, limits } = roomWithTightItems(6)
    const item = (doc: Y.Doc): Y.XmlElement => elementsNamed(doc, 'item')[0]
    const room0 = itemLength(item(room.doc))
    let typed = 0
    // Three characters into each of the item's blocks in turn, until the item is full.
    for (let block = 0; room0 + typed + 1 <= limits.itemChars; block++) {
      const { update } = changeOnCopy(room, limits.itemChars, (d) => {
        const blocks = item(d)
          .toArray()
          .filter((b): b is Y.XmlElement => b instanceof Y.XmlElement)
        textOfBlock(blocks[block % blocks.length]).insert(0, '字')
      })
      expect(accepted(room, update)).toBe(true)
      typed++
    }
    expect(itemLength(item(room.doc))).toBe(limits.itemChars)
    const { update } = changeOnCopy(room, limits.itemChars, (d) => textOfBlock(item(d).toArray()[0] as Y.XmlElement).insert(0, '多'))
    expect(accepted(room, update)).toBe(false)
    expect(itemLength(item(room.doc))).toBe(limits.itemChars)
    room.destroy()
  })

  it('takes characters again after some were deleted, though the running bound never subtracts them', () => {
    const { room, limits } = roomWithTightItems(2)
    const item = (doc: Y.Doc): Y.XmlElement => elementsNamed(doc, 'item')[1]
    const title = (doc: Y.Doc): Y.XmlText => textOfBlock(item(doc).toArray()[0] as Y.XmlElement)
    const fill = limits.itemChars - itemLength(item(room.doc))
    expect(accepted(room, changeOnCopy(room, limits.itemChars, (d) => title(d).insert(0, '满'.repeat(fill))).update)).toBe(true)
    expect(accepted(room, changeOnCopy(room, limits.itemChars, (d) => title(d).delete(0, 5)).update)).toBe(true)
    for (let i = 0; i < 5; i++) expect(accepted(room, changeOnCopy(room, limits.itemChars, (d) => title(d).insert(1, '再')).update)).toBe(true)
    expect(accepted(room, changeOnCopy(room, limits.itemChars, (d) => title(d).insert(1, '超')).update)).toBe(false)
    room.destroy()
  })

  const random = seededRandom()
  it(`accepts exactly the random edits that keep every item within the limit (TEST_SEED=${random.seed})`, () => {
    const { room, limits } = roomWithTightItems(20)
    // The four longest items (items are neither added nor removed, so their indices hold in every copy).
    const lengths = elementsNamed(room.doc, 'item').map((item, index) => ({ index, length: itemLength(item) }))
    const chosen = lengths
      .sort((a, b) => b.length - a.length)
      .slice(0, 4)
      .map((x) => x.index)
    // Filled to a few characters below the limit, so that the random edits keep crossing it.
    for (const index of chosen) {
      const { update, fits } = changeOnCopy(room, limits.itemChars, (d) => {
        const item = elementsNamed(d, 'item')[index]
        textOfBlock(item.toArray()[0] as Y.XmlElement).insert(0, '满'.repeat(limits.itemChars - 5 - itemLength(item)))
      })
      expect(fits && accepted(room, update)).toBe(true)
    }
    let refused = 0
    for (let step = 0; step < 400; step++) {
      const { update, fits } = changeOnCopy(room, limits.itemChars, (d) => {
        const items = elementsNamed(d, 'item')
        const item = items[chosen[random.int(chosen.length)]]
        const blocks = item.toArray().filter((b): b is Y.XmlElement => b instanceof Y.XmlElement)
        const roll = random.next()
        if (roll < 0.1) {
          // A new paragraph with text: the item's structure changes.
          const paragraph = new Y.XmlElement('paragraph')
          paragraph.insert(0, [new Y.XmlText('新'.repeat(1 + random.int(8)))])
          item.insert(1 + random.int(blocks.length), [paragraph])
        } else if (roll < 0.12 && blocks.length > 2) {
          item.delete(1 + random.int(blocks.length - 1))
        } else {
          const text = textOfBlock(blocks[random.int(blocks.length)])
          if (roll < 0.4 && text.length > 0) {
            const at = random.int(text.length)
            text.delete(at, Math.min(text.length - at, 1 + random.int(6)))
          } else text.insert(random.int(text.length + 1), '字'.repeat(1 + random.int(4)))
        }
      })
      const ok = accepted(room, update)
      expect(ok, `step ${step}`).toBe(fits)
      if (!ok) refused++
    }
    // The schedule reaches the limit often enough for the test to mean something.
    expect(refused).toBeGreaterThan(10)
    room.destroy()
  })
})
