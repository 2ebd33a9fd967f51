// Reviewing changes: what the review API does per request on a 60-item document with a long history
// (the base text at a history position, and who changed which item since it), and what the review
// page does in the browser (diff, view model, paragraphs of every entry) for two 60-item plans.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as Y from 'yjs'
import { inlineParagraphs, sideParagraphs } from '../../client/review/textParagraphs.ts'
import { reviewModel } from '../../client/review/reviewModel.ts'
import { diffPlans } from '../../shared/diff/diffPlans.ts'
import { stateOfPlan } from '../../server/docs/planState.ts'
import { Users } from '../../server/auth/users.ts'
import { planAtSeq } from '../../server/review/planAtSeq.ts'
import { reviewAuthors } from '../../server/review/reviewAuthors.ts'
import { LevelStorage } from '../../server/storage/LevelStorage.ts'
import { editedDraft, planFromSentences, sentencePool } from '../shared/diff/fixtures/syntheticPlans.ts'
import { textIn } from '../utils/planText.ts'
import { report, time } from './timing.ts'

const EDITS = 2000

/** A stored 60-item document whose log holds its first state and then EDITS one-character edits by three users. */
async function storedHistory(storage: LevelStorage, docId: string): Promise<void> {
  const { update, client } = stateOfPlan(planFromSentences(sentencePool()))
  await storage.appendUpdates(docId, [{ userId: 'u0', at: Date.now(), update, clients: [client] }])
  const doc = new Y.Doc()
  Y.applyUpdate(doc, update)
  const users = ['u1', 'u2', 'u3']
  let pending: Uint8Array | null = null
  doc.on('update', (u: Uint8Array) => (pending = u))
  for (let i = 0; i < EDITS; i++) {
    textIn(doc, 'itemTitle', (i * 7) % 60).insert(0, '改')
    const u = pending as Uint8Array | null
    if (u) await storage.appendUpdates(docId, [{ userId: users[i % 3], at: Date.now(), update: u, clients: [doc.clientID] }])
  }
  doc.destroy()
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'plan-review-bench-'))
  const storage = await LevelStorage.open(dir)
  try {
    await storedHistory(storage, 'dbench')
    const users = new Users(storage)
    const last = await storage.lastSeq('dbench')
    const mid = Math.floor(last / 2)
    console.log(`document: 60 items, ${last} stored updates (first state + ${EDITS} one-character edits by 3 users)`)
    const base = await time(() => planAtSeq(storage, 'dbench', mid), 10, 2)
    report(`base text at seq ${mid} (replay ${mid} updates) — median`, base.median, 100, `p99 ${base.p99.toFixed(1)} ms`)
    const authors = await time(() => reviewAuthors(storage, users, 'dbench', mid, last), 10, 2)
    report(`authors of ${last - mid} updates since seq ${mid} — median`, authors.median, 200, `p99 ${authors.p99.toFixed(1)} ms`)
    const all = await time(() => reviewAuthors(storage, users, 'dbench', 1, last), 10, 2)
    report(`authors of all ${last - 1} updates — median`, all.median, 300, `p99 ${all.p99.toFixed(1)} ms`)
  } finally {
    await storage.close()
    rmSync(dir, { recursive: true, force: true })
  }

  const source = planFromSentences(sentencePool())
  const draft = editedDraft(source)
  const page = await time(
    () => {
      const model = reviewModel(diffPlans(source, draft))
      // Everything the two views draw: the inline paragraphs and both sides of every entry.
      for (const item of model.items) {
        const d = item.diff
        inlineParagraphs(d.old, d.new, d.spans)
        sideParagraphs(d.old, d.spans, 'old')
        sideParagraphs(d.new, d.spans, 'new')
      }
    },
    30,
    5,
  )
  report('review page model, 60-item draft vs source (diff included) — median', page.median, 30, `p99 ${page.p99.toFixed(1)} ms`)
}
