import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { AcceptedBytes, FOLD_SHARE } from '../../../server/collab/acceptedBytes.ts'
import { applyParts } from '../../../server/storage/documentState.ts'
import { seededRandom } from '../../utils/seededRandom.ts'

/** A document rebuilt from the parts, as a room rolls back. */
function rebuilt(parts: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc()
  applyParts(doc, parts)
  return doc
}

const random = seededRandom()

describe('the accepted bytes a room rolls back to', () => {
  it(`rebuild the document exactly after every accepted update, across folds (TEST_SEED=${random.seed})`, () => {
    const doc = new Y.Doc()
    const text = doc.getText('t')
    text.insert(0, '起'.repeat(200))
    const accepted = new AcceptedBytes(Y.encodeStateAsUpdate(doc))
    const updates: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => updates.push(u))
    let folds = 0
    let before = 1
    for (let i = 0; i < 600; i++) {
      if (random.next() < 0.25 && text.length > 0) text.delete(random.int(text.length), 1)
      // Now and then an update far larger than the others.
      else text.insert(random.int(text.length + 1), random.next() < 0.02 ? '长'.repeat(300 + random.int(600)) : '字')
      for (const update of updates.splice(0)) {
        accepted.stage(update)
        accepted.settle(doc)
      }
      const parts = accepted.parts()
      if (parts.length < before) folds++
      before = parts.length
      expect(Y.encodeStateVector(rebuilt(parts)), `update ${i}`).toEqual(Y.encodeStateVector(doc))
      expect(rebuilt(parts).getText('t').toString(), `update ${i}`).toBe(text.toString())
    }
    expect(folds).toBeGreaterThan(2)
  })

  it('folds once the updates since the last fold reach the fold share of it, and not before', () => {
    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'x'.repeat(1000))
    const state = Y.encodeStateAsUpdate(doc)
    const accepted = new AcceptedBytes(state)
    const update = new Uint8Array(100)
    // Each update takes its 100 bytes and a 4-byte length.
    const fit = Math.floor((FOLD_SHARE * state.length) / 104)
    for (let i = 0; i < fit; i++) {
      accepted.stage(update)
      accepted.settle(doc)
    }
    expect(accepted.parts()).toHaveLength(1 + fit)
    accepted.stage(update)
    accepted.settle(doc)
    expect(accepted.parts()).toHaveLength(1)
  })
})
