import { Editor } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import { TextSelection, type Transaction } from '@tiptap/pm/state'
import { updateYFragment } from '@tiptap/y-tiptap'
import { decideSuggestions } from '../../../shared/review/suggestDecide.ts'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CLOSE } from '../../../shared/api/closeCodes.ts'
import { planExtensions, planSchema } from '../../../shared/editor/planExtensions.ts'
import { bySuggestion, everySuggestion } from '../../../shared/review/suggestResolve.ts'
import { listSuggestions } from '../../../shared/review/suggestScan.ts'
import { pmDocOfFragment } from '../../../shared/review/suggestYdoc.ts'
import { press } from '../../shared/editor/planEditor.ts'
import { connectClient, type TestClient } from '../../utils/collabClient.ts'
import { seededRandom, type SeededRandom } from '../../utils/seededRandom.ts'
import { startTestServer } from '../../utils/testServer.ts'
import { waitFor } from '../../utils/waitFor.ts'

const random = seededRandom()
const ROUNDS = 80

/** A headless plan editor on a document, with the extensions' dispatch hooks composed as a mounted editor has them. */
function editorOn(doc: PMNode): Editor {
  if (!('navigator' in globalThis)) Object.defineProperty(globalThis, 'navigator', { value: { platform: 'Linux', userAgent: 'node' }, configurable: true })
  const editor = new Editor({ element: null, extensions: planExtensions(), content: doc.toJSON() })
  editor.view.updateState(editor.state.reconfigure({ plugins: editor.extensionManager.plugins }))
  const own = editor as unknown as { dispatchTransaction: (tr: Transaction) => void }
  own.dispatchTransaction = editor.extensionManager.dispatchTransaction(own.dispatchTransaction.bind(editor))
  return editor
}

/** A random caret position inside some item's text. */
function caretInItem(editor: Editor, rand: SeededRandom): number | null {
  const places: number[] = []
  editor.state.doc.descendants((node, pos) => {
    if (node.isTextblock && (node.type.name === 'itemTitle' || node.type.name === 'paragraph')) places.push(pos + 1 + rand.int(node.content.size + 1))
    return !node.isTextblock
  })
  return places.length ? places[rand.int(places.length)] : null
}

/** One random suggestion-mode edit: type, backspace, Enter (new item), delete or move an item. */
function suggestSomething(editor: Editor, rand: SeededRandom, ownIds: Set<string>): string {
  const storage = (editor.storage as unknown as Record<string, { ownIds: Set<string> }>).suggestMode
  for (const id of ownIds) storage.ownIds.add(id)
  editor.commands.setSuggestMode(true)
  const at = caretInItem(editor, rand)
  if (at === null) return 'none'
  editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, at)))
  const op = rand.int(6)
  if (op <= 1) editor.view.dispatch(editor.state.tr.insertText('建议文字'.slice(0, 1 + rand.int(4))))
  else if (op === 2 && editor.state.selection.$from.parentOffset > 0) editor.view.dispatch(editor.state.tr.delete(at - 1, at))
  else if (op === 3) press(editor, 'Enter')
  else if (op === 4) editor.commands.deletePlanItem()
  else editor.commands.movePlanItemDown()
  for (const id of storage.ownIds) ownIds.add(id)
  return `suggest${op}`
}

/** One random editor action: a plain edit, or accepting/rejecting one suggestion or all. */
function editSomething(editor: Editor, rand: SeededRandom): string {
  editor.commands.setSuggestMode(false)
  const suggestions = listSuggestions(editor.state.doc)
  const op = rand.int(5)
  if (op <= 1 && suggestions.length) {
    decideSuggestions(editor.view, bySuggestion(suggestions[rand.int(suggestions.length)].id), op === 0 ? 'accept' : 'reject')
    return op === 0 ? 'accept' : 'reject'
  }
  if (op === 2 && rand.int(4) === 0) {
    decideSuggestions(editor.view, everySuggestion, rand.int(2) ? 'accept' : 'reject')
    return 'all'
  }
  const at = caretInItem(editor, rand)
  if (at === null) return 'none'
  editor.view.dispatch(editor.state.tr.insertText('改', at))
  return 'edit'
}

/** The plan of a client's document as ProseMirror reads it (throws when it does not fit the schema). */
function planOfClient(client: TestClient): PMNode {
  const doc = pmDocOfFragment(client.fragment, planSchema())
  doc.check()
  return doc
}

describe('修订 under concurrency', () => {
  it(`three peers (two editors, a reviewer) suggest, accept, reject and edit at random; they converge and the plan stays valid (TEST_SEED=${random.seed})`, { timeout: 120_000 }, async () => {
    const server = await startTestServer()
    const doc = await server.createDocument()
    const editorB = await server.createUser('fuzz-editor')
    const reviewer = await server.createUser('fuzz-reviewer')
    await server.share(doc.id, editorB.user.id, 'editor')
    await server.share(doc.id, reviewer.user.id, 'reviewer')
    const tokens = [server.admin.token, editorB.token, reviewer.token]
    const clients = await Promise.all(tokens.map((token) => connectClient(server, doc.id, token)))
    const ownIds = [new Set<string>(), new Set<string>(), new Set<string>()]
    const refused: string[] = []
    // A refused update closes the socket with 4400; only a reviewer may ever be refused (see below),
    // and then they join again afresh.
    const rejoinRefused = async (round: number): Promise<void> => {
      for (let i = 0; i < clients.length; i++) {
        const closed = await Promise.race([clients[i].closed, Promise.resolve(null)])
        if (!closed) continue
        refused.push(`${i}:${closed.code}@${round}`)
        clients[i].close()
        clients[i] = await connectClient(server, doc.id, tokens[i])
      }
    }
    const log: string[] = []
    for (let round = 0; round < ROUNDS; round++) {
      const peer = random.int(3)
      const client = clients[peer]
      const editor = editorOn(planOfClient(client))
      const what = peer === 2 || random.int(3) === 0 ? suggestSomething(editor, random, ownIds[peer]) : editSomething(editor, random)
      log.push(`${peer}:${what}`)
      updateYFragment(client.doc, client.fragment, editor.state.doc, { mapping: new Map(), isOMark: new Map() })
      editor.destroy()
      // Sometimes everyone catches up; otherwise the next edits are concurrent with this one.
      if (random.int(3) === 0) await settle(server, doc.id, clients)
      await rejoinRefused(round)
    }
    // The last edits may still be refused: settle, let a refused client join afresh, settle again.
    await settle(server, doc.id, clients)
    await rejoinRefused(ROUNDS)
    await settle(server, doc.id, clients)
    const plans = clients.map(planOfClient)
    expect(plans[1].eq(plans[0]), log.join(' ')).toBe(true)
    expect(plans[2].eq(plans[0]), log.join(' ')).toBe(true)
    // Editors are never refused; a reviewer only with 4400.
    expect(
      refused.filter((r) => !r.startsWith('2:') || !r.includes(`:${CLOSE.malformed}@`)),
      log.join(' '),
    ).toEqual([])
    // The harness writes whole documents back with a fresh y-tiptap mapping, which can recreate an
    // element from a stale copy; the server rightly refuses such a reviewer update. Printed, not hidden.
    if (refused.length)
      console.log(
        `reviewer refused ${refused.length} times: ${refused.join(', ')}`,
        server.logs.filter((l) => l.includes('ws.rejected')),
      )
    for (const c of clients) c.close()
  })
})

/** Waits until every client holds exactly the server's state. */
async function settle(server: Awaited<ReturnType<typeof startTestServer>>, docId: string, clients: TestClient[]): Promise<void> {
  const same = (): boolean => {
    const room = server.services.rooms.get(docId)
    if (!room) return false
    // The snapshot, not the state vector: a deletion (rejecting a suggested insertion, say) adds to
    // the delete set only, so equal state vectors can still differ by a deletion in flight.
    const want = Y.snapshot(room.doc)
    // A client the server closed (a refused reviewer) is replaced afterwards; it cannot catch up.
    return clients.every((c) => !c.provider.wsconnected || Y.equalSnapshots(Y.snapshot(c.doc), want))
  }
  await waitFor(same, { timeout: 20_000 })
}
