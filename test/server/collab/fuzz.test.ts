import { describe, expect, it } from 'vitest'
import * as encoding from 'lib0/encoding'
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { CLOSE } from '../../../shared/api/closeCodes.ts'
import { PLAN_FIELD, readPlan } from '../../../shared/collab/ydoc.ts'
import { planSchema } from '../../../shared/editor/planExtensions.ts'
import { REVIEW_ROOT } from '../../../shared/review/reviewRoot.ts'
import { suggestionSignatures } from '../../../shared/review/suggestScan.ts'
import { readStamps } from '../../../shared/review/suggestStamps.ts'
import { pmDocOfFragment } from '../../../shared/review/suggestYdoc.ts'
import { loadDocumentState } from '../../../server/storage/documentState.ts'
import { connectClient } from '../../utils/collabClient.ts'
import { elementsNamed, planOf, textIn } from '../../utils/planText.ts'
import { openSocket, type RawSocket } from '../../utils/rawSocket.ts'
import { startTestServer, type TestServer } from '../../utils/testServer.ts'
import { waitForDoc } from '../../utils/waitFor.ts'

const FRAMES = Number(process.env.FUZZ_FRAMES ?? 3000)
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000)

/** A small seeded PRNG (mulberry32) so that a failing run can be replayed with FUZZ_SEED. */
function rng(seed: number): (n: number) => number {
  let a = seed >>> 0
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n)
  }
}

function frame(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder()
  write(e)
  return encoding.toUint8Array(e)
}
const sync = (type: number, payload: Uint8Array): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, 0)
    encoding.writeVarUint(e, type)
    encoding.writeVarUint8Array(e, payload)
  })

/** Valid frames of every kind a client sends: sync steps, text edits, deletions, marks, attributes, new items, awareness. */
async function validFrames(server: TestServer, docId: string, rand: (n: number) => number): Promise<Uint8Array[]> {
  const { state } = await loadDocumentState(server.services.storage, docId)
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state!)
  const out: Uint8Array[] = [sync(0, Y.encodeStateVector(doc)), sync(0, new Uint8Array([0])), new Uint8Array([3])]
  doc.on('update', (u: Uint8Array) => out.push(sync(2, u), sync(1, u)))
  for (let i = 0; i < 40; i++) {
    const t = textIn(doc, 'itemTitle', rand(20))
    const op = rand(5)
    if (op === 0) t.insert(rand(t.length + 1), '模糊测试文字'.slice(0, 1 + rand(6)))
    else if (op === 1 && t.length > 2) t.delete(rand(t.length - 1), 1)
    else if (op === 2 && t.length > 2) t.format(0, 2, { insertion: { id: `fz${i}` } })
    else if (op === 3) (elementsNamed(doc, 'item')[rand(10)] as Y.XmlElement<{ carried: boolean }>).setAttribute('carried', rand(2) === 0)
    else {
      const section = elementsNamed(doc, 'section')[rand(3)]
      const item = new Y.XmlElement('item')
      const title = new Y.XmlElement('itemTitle')
      title.insert(0, [new Y.XmlText('新增条目。')])
      item.insert(0, [title])
      item.setAttribute('id', `ifuzz${i}`)
      section.insert(section.length, [item])
    }
  }
  const awareness = new Awareness(doc)
  for (let i = 0; i < 5; i++) {
    awareness.setLocalState({ user: { name: 'fuzz', color: '#000000' }, cursor: { anchor: i } })
    out.push(frame((e) => (encoding.writeVarUint(e, 1), encoding.writeVarUint8Array(e, encodeAwarenessUpdate(awareness, [doc.clientID])))))
  }
  awareness.destroy()
  return out
}

/** A random or mutated frame: flipped bits, changed bytes, truncation, extension, splices, huge lengths, pure noise. */
function mutate(corpus: Uint8Array[], rand: (n: number) => number): Uint8Array {
  const pick = (): Uint8Array => corpus[rand(corpus.length)]
  const noise = (n: number): Uint8Array => Uint8Array.from({ length: n }, () => rand(256))
  switch (rand(8)) {
    case 0:
      return noise(rand(64))
    case 1: {
      const m = Uint8Array.from(pick())
      for (let i = 0, n = 1 + rand(4); i < n && m.length; i++) m[rand(m.length)] ^= 1 << rand(8)
      return m
    }
    case 2: {
      const m = Uint8Array.from(pick())
      for (let i = 0, n = 1 + rand(3); i < n && m.length; i++) m[rand(m.length)] = [0, 1, 2, 3, 0x7f, 0x80, 0xff][rand(7)]
      return m
    }
    case 3: {
      const m = pick()
      return m.slice(0, rand(m.length + 1))
    }
    case 4:
      return Uint8Array.from([...pick(), ...noise(1 + rand(8))])
    case 5: {
      const a = pick()
      const b = pick()
      return Uint8Array.from([...a.slice(0, rand(a.length + 1)), ...b.slice(rand(b.length + 1))])
    }
    case 6:
      return Uint8Array.from([rand(4), rand(3), 0xff, 0xff, 0xff, 0xff, 0x0f, ...noise(rand(16))])
    default: {
      // A valid sync header around a mutated update payload, so that the Yjs decoder itself is exercised.
      const m = Uint8Array.from(pick())
      if (m.length > 4) m[3 + rand(m.length - 3)] = rand(256)
      return m
    }
  }
}

/** Sends one frame and waits until the server handled it: either it answers a query that follows, or it closes. */
async function handled(socket: RawSocket, data: Uint8Array): Promise<'open' | number> {
  let onMessage: ((frame: Buffer) => void) | null = null
  const answered = new Promise<'open'>((resolve) => {
    // The server answers a query-awareness frame with an awareness frame (type 1); frames are handled in order.
    onMessage = (frame) => {
      if (frame[0] === 1) resolve('open')
    }
    socket.ws.on('message', onMessage)
  })
  socket.send(data)
  socket.send(new Uint8Array([3]))
  try {
    return await Promise.race([socket.closed.then(({ code }) => code), answered])
  } finally {
    if (onMessage) socket.ws.off('message', onMessage)
  }
}

async function fuzz(server: TestServer, docId: string, token: string, frames: number, rand: (n: number) => number): Promise<Map<string, number>> {
  const corpus = await validFrames(server, docId, rand)
  const outcomes = new Map<string, number>()
  let socket: RawSocket | null = null
  for (let i = 0; i < frames; i++) {
    if (!socket) {
      socket = openSocket(server, docId, token)
      await socket.opened
    }
    const outcome = await handled(socket, rand(10) === 0 ? corpus[rand(corpus.length)] : mutate(corpus, rand))
    outcomes.set(String(outcome), (outcomes.get(String(outcome)) ?? 0) + 1)
    if (outcome !== 'open') socket = null
  }
  socket?.ws.close()
  return outcomes
}

/**
 * What a stored document shows: its plan text with marks and attributes, its other roots, and the
 * stamps (author, time) of the 修订 the plan shows. A stamp of a suggestion whose words show
 * nowhere (typed under a deleted parent, or an empty mark) shows nowhere either.
 */
async function shownDocument(server: TestServer, docId: string): Promise<unknown> {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, (await loadDocumentState(server.services.storage, docId)).state!)
  const plan = pmDocOfFragment(doc.getXmlFragment(PLAN_FIELD), planSchema())
  const shown = suggestionSignatures(plan)
  const others = [...doc.share.keys()].filter((k) => k !== PLAN_FIELD && k !== REVIEW_ROOT).map((k) => [k, doc.get(k).toJSON()])
  const stamps = [...readStamps(doc)].filter(([id]) => shown.has(id))
  return { plan: plan.toJSON(), others, stamps }
}

describe('fuzzing the collaboration endpoint', () => {
  it(`survives ${FRAMES} random and mutated frames from an editor and a reviewer; every document stays intact (seed ${SEED})`, { timeout: 300_000 }, async () => {
    const rand = rng(SEED)
    const server = await startTestServer({ roomIdleMs: 600_000 })
    const target = await server.createDocument()
    const control = await server.createDocument()
    const reviewed = await server.createDocument()
    const reviewer = await server.createUser('fuzz-reviewer')
    await server.share(reviewed.id, reviewer.user.id, 'reviewer')
    const fuzzer = await server.createUser('fuzz-editor')
    await server.share(target.id, fuzzer.user.id, 'editor')
    const legit = await connectClient(server, target.id, server.admin.token)
    const controlClient = await connectClient(server, control.id, server.admin.token)
    const controlBefore = await loadDocumentState(server.services.storage, control.id)
    const reviewedBefore = await shownDocument(server, reviewed.id)

    const editorOutcomes = await fuzz(server, target.id, fuzzer.token, Math.ceil(FRAMES * 0.7), rand)
    const reviewerOutcomes = await fuzz(server, reviewed.id, reviewer.token, Math.floor(FRAMES * 0.3), rand)
    const codes = [...editorOutcomes.keys(), ...reviewerOutcomes.keys()].filter((k) => k !== 'open')
    // Every refusal is a deliberate one: never an internal error, never a dropped server.
    expect(
      codes.every((c) => c === String(CLOSE.malformed) || c === String(CLOSE.tooLarge)),
      JSON.stringify([...editorOutcomes, ...reviewerOutcomes]),
    ).toBe(true)
    expect(editorOutcomes.get(String(CLOSE.malformed)) ?? 0).toBeGreaterThan(FRAMES * 0.2)
    expect(server.logs.some((l) => l.includes('ws.failed') || l.includes('ERROR'))).toBe(false)
    // Logs say what happened without quoting the document: none of the fuzzed text appears.
    expect(server.logs.filter((l) => /[模糊测试文字新增条目]/.test(l))).toEqual([])

    // The reviewer's frames changed nothing that shows (a reviewer may only suggest, and the fuzzed
    // frames are no suggestions; a frame whose only effect is invisible, such as content under a
    // deleted parent, may be stored); the control document only has what its own client did.
    expect(await shownDocument(server, reviewed.id)).toEqual(reviewedBefore)
    expect(await loadDocumentState(server.services.storage, control.id)).toEqual(controlBefore)

    // The fuzzed document still opens, for the legitimate client, over HTTP, and after a restart.
    textIn(legit.doc, 'itemTitle', 0).insert(0, '模糊测试之后')
    textIn(controlClient.doc, 'itemTitle', 0).insert(0, '对照')
    const fresh = await connectClient(server, target.id, server.admin.token)
    await waitForDoc(fresh.doc, (d) => textIn(d, 'itemTitle', 0).toString().includes('模糊测试之后'))
    expect(() => planOf(fresh.doc)).not.toThrow()
    expect((await server.api('GET', `/api/documents/${target.id}/plan`, { token: server.admin.token })).status).toBe(200)
    await waitForDoc(legit.doc, (d) => Buffer.from(Y.encodeStateVector(d)).equals(Buffer.from(Y.encodeStateVector(fresh.doc))))
    const live = planOf(fresh.doc)
    for (const c of [legit, controlClient, fresh]) c.close()
    await server.restart()
    const stored = new Y.Doc()
    Y.applyUpdate(stored, (await loadDocumentState(server.services.storage, target.id)).state!)
    expect(readPlan(stored)).toEqual(live)
    const after = await connectClient(server, control.id, server.admin.token)
    expect(textIn(after.doc, 'itemTitle', 0).toString()).toMatch(/^对照/)
    after.close()
  })
})
