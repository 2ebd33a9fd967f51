import { prosemirrorToYXmlFragment } from '@tiptap/y-tiptap'
import type { Editor } from '@tiptap/core'
import { TextSelection } from '@tiptap/pm/state'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { fragmentJson } from '../../../shared/collab/fragmentJson.ts'
import { META_MAP, PLAN_FIELD, readPlan } from '../../../shared/collab/ydoc.ts'
import { pmToPlan } from '../../../shared/editor/convert/pmToPlan.ts'
import { planSchema } from '../../../shared/editor/planExtensions.ts'
import { InvalidUpdate, type Room } from '../../../server/collab/Room.ts'
import { planEditor, press } from '../../shared/editor/planEditor.ts'
import { elementsNamed } from '../../utils/planText.ts'
import { seededRandom, testSeed } from '../../utils/seededRandom.ts'
import { startTestServer, type TestServer } from '../../utils/testServer.ts'

const EDITOR_STEPS = Number(process.env.FUZZ_EDITOR_STEPS ?? 120)
const HAND_STEPS = Number(process.env.FUZZ_HAND_STEPS ?? 400)
/** Replay a failure with TEST_SEED=<the seed in the test name>. */
const SEED = testSeed()

/** An integer in [0, n) from a seeded source. */
function rng(seed: number): (n: number) => number {
  return seededRandom(seed).int
}

/** A replica of the room's accepted document, as a client holds it. */
function replicaOf(room: Room): Y.Doc {
  const doc = new Y.Doc()
  doc.getXmlFragment(PLAN_FIELD)
  doc.getMap(META_MAP)
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(room.doc))
  return doc
}

/** Sends what `change` does to a replica; true when the room accepted it, false when it refused it. */
function offer(room: Room, replica: Y.Doc, change: (doc: Y.Doc) => void): boolean {
  const sv = Y.encodeStateVector(replica)
  change(replica)
  const update = Y.encodeStateAsUpdate(replica, sv)
  try {
    room.receive(update, 'fuzz', null)
    return true
  } catch (err) {
    if (err instanceof InvalidUpdate) return false
    throw err
  }
}

/**
 * What a document holds: its snapshot (state vector and deletions) and its content. A refused update
 * rolls the room back by rebuilding the document, whose encoding may merge structs differently, so
 * equal bytes are not expected — equal snapshots and content are.
 */
function fingerprint(doc: Y.Doc): { snapshot: Y.Snapshot; content: string } {
  const sorted = (m: Y.Map<unknown>): string => JSON.stringify(Object.entries(m.toJSON()).sort(([a], [b]) => a.localeCompare(b)))
  return { snapshot: Y.snapshot(doc), content: JSON.stringify(fragmentJson(doc.getXmlFragment(PLAN_FIELD))) + sorted(doc.getMap('meta')) + sorted(doc.getMap('links')) }
}

/** The whole accepted document fits the schema (order and counts included) and reads as a plan with every item. */
function expectWholePlan(room: Room): void {
  const json = fragmentJson(room.doc.getXmlFragment(PLAN_FIELD))
  expect(() => planSchema().nodeFromJSON(json).check()).not.toThrow()
  const plan = readPlan(room.doc)
  const items = plan.sections.reduce((n, s) => n + s.items.length + s.subsections.reduce((m, u) => m + u.items.length, 0), 0)
  expect(items).toBe(elementsNamed(room.doc, 'item').length)
}

const NAMES = ['item', 'itemTitle', 'paragraph', 'section', 'sectionHeading', 'subsection', 'subsectionHeading', 'planTitle', 'preamble', 'coverNotice', 'noticeLine', 'closing', 'script', 'div']

/** Every element of the plan fragment, the fragment itself first. */
function containers(doc: Y.Doc): Array<Y.XmlFragment | Y.XmlElement> {
  const out: Array<Y.XmlFragment | Y.XmlElement> = [doc.getXmlFragment(PLAN_FIELD)]
  const walk = (node: Y.XmlFragment | Y.XmlElement): void => {
    for (const child of node.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue
      out.push(child)
      walk(child)
    }
  }
  walk(out[0])
  return out
}

/** A small element tree of a random (sometimes wrong) shape. */
function randomElement(rand: (n: number) => number, depth = 0): Y.XmlElement {
  const el = new Y.XmlElement(NAMES[rand(NAMES.length)])
  const children = Array.from({ length: depth < 2 ? rand(3) : 0 }, () => (rand(3) === 0 ? new Y.XmlText('字') : randomElement(rand, depth + 1)))
  if (children.length) el.insert(0, children)
  return el
}

/** Hand-made Yjs operations: wrong order, duplicates, missing lead sentences, foreign types and roots, attributes. */
function handOperation(doc: Y.Doc, rand: (n: number) => number): void {
  const all = containers(doc)
  const target = all[rand(all.length)]
  switch (rand(10)) {
    case 0:
    case 1:
      target.insert(rand(target.length + 1), [randomElement(rand)])
      break
    case 2:
    case 3:
      if (target.length) target.delete(rand(target.length), 1)
      break
    case 4:
      target.insert(rand(target.length + 1), [new Y.XmlText('游离文字')])
      break
    case 5: {
      const title = new Y.XmlElement('planTitle')
      title.insert(0, [new Y.XmlText('第二个标题')])
      doc.getXmlFragment(PLAN_FIELD).insert(rand(3), [title])
      break
    }
    case 6: {
      const items = elementsNamed(doc, 'item')
      const item = items[rand(items.length)]
      const p = new Y.XmlElement('paragraph')
      p.insert(0, [new Y.XmlText('在引领句之前')])
      if (item) item.insert(0, [p])
      break
    }
    case 7:
      doc.getMap(['meta', 'other', 'links'][rand(3)]).set(`k${rand(5)}`, rand(2) ? 'x'.repeat(rand(3) ? 10 : 5000) : { nested: true })
      break
    case 8:
      if (target instanceof Y.XmlElement) target.setAttribute(['id', 'role', 'carried', 'onclick'][rand(4)], String(rand(100)))
      break
    default: {
      const texts = all.flatMap((el) => el.toArray().filter((c): c is Y.XmlText => c instanceof Y.XmlText))
      const text = texts[rand(texts.length)]
      if (text) text.insert(rand(text.length + 1), '补充')
    }
  }
}

/** One structural editor action at a random place, as a person would do it through the keymap and commands. */
function editorAction(editor: Editor, rand: (n: number) => number): void {
  const size = editor.state.doc.content.size
  const pos = 1 + rand(Math.max(1, size - 1))
  const $pos = editor.state.doc.resolve(pos)
  if (!$pos.parent.isTextblock) return
  editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, pos)))
  const c = editor.commands
  switch (rand(9)) {
    case 0:
      c.insertPlanItem()
      break
    case 1:
      c.deletePlanItem()
      break
    case 2:
      c.splitPlanItem()
      break
    case 3:
      c.mergePlanItemWithNext()
      break
    case 4:
      if (rand(2)) c.movePlanItemUp()
      else c.movePlanItemDown()
      break
    case 5:
      c.insertPlanSection()
      break
    case 6:
      editor.view.dispatch(editor.state.tr.insertText('新增文字。'))
      break
    case 7: {
      const end = Math.min(editor.state.doc.content.size - 1, pos + rand(40))
      editor.view.dispatch(editor.state.tr.delete(pos, end))
      break
    }
    default:
      press(editor, ['Enter', 'Backspace', 'Mod-Enter', 'Mod-Shift-Enter', 'Alt-ArrowUp'][rand(5)])
  }
}

describe(`structural updates (TEST_SEED=${SEED})`, () => {
  let server: TestServer
  let docId: string

  beforeAll(async () => {
    server = await startTestServer()
    docId = (await server.createDocument()).id
  })
  afterAll(() => server?.stop())

  it('accepts every change a real editor makes, and the document reads back as the editor holds it', async () => {
    const rand = rng(SEED)
    await server.services.rooms.use(docId, (room) => {
      const replica = replicaOf(room)
      const editor = planEditor(readPlan(replica))
      for (let step = 0; step < EDITOR_STEPS; step++) {
        editorAction(editor, rand)
        const accepted = offer(room, replica, (d) => prosemirrorToYXmlFragment(editor.state.doc, d.getXmlFragment(PLAN_FIELD)))
        expect(accepted, `editor step ${step}`).toBe(true)
        expect(readPlan(room.doc).sections).toEqual(pmToPlan(editor.getJSON()).sections)
      }
      expectWholePlan(room)
      editor.destroy()
    })
  })

  it('leaves a document that converts without loss after every accepted hand-made update, and unchanged after every refused one', async () => {
    const rand = rng((SEED + 1) >>> 0)
    let accepted = 0
    let refused = 0
    await server.services.rooms.use(docId, (room) => {
      let replica = replicaOf(room)
      for (let step = 0; step < HAND_STEPS; step++) {
        const before = fingerprint(room.doc)
        const seq = room.seq
        if (offer(room, replica, (d) => handOperation(d, rand))) {
          accepted++
          expectWholePlan(room)
        } else {
          refused++
          expect(Y.equalSnapshots(Y.snapshot(room.doc), before.snapshot), `step ${step}: same state vector and deletions`).toBe(true)
          expect(fingerprint(room.doc).content, `step ${step}: same content`).toBe(before.content)
          expect(room.seq).toBe(seq)
          replica = replicaOf(room)
        }
      }
    })
    // Both outcomes must occur, or the generator tests nothing.
    expect(accepted).toBeGreaterThan(20)
    expect(refused).toBeGreaterThan(20)
  })
})
