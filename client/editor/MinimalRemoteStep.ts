import { Extension } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import type { EditorState, Transaction } from '@tiptap/pm/state'
import { Mapping, ReplaceStep } from '@tiptap/pm/transform'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { isRemote } from '../../shared/editor/extensions/isRemote.ts'

/** The parts of y-tiptap's binding this module uses: its Y.Doc, and Y type → the ProseMirror node(s) it was rendered as. */
interface YBinding {
  doc: Y.Doc
  mapping: Map<unknown, PMNode | PMNode[]>
}

/**
 * A collaborator's change arrives from y-tiptap as one step replacing the whole document with nodes
 * rebuilt from the Y.Doc. Every node is then new: the view compares the whole tree deeply on this
 * and every later update (caret moves included), and every plugin sees the whole document change.
 * This rewrites such a transaction into one step over just the part that differs, so unchanged
 * nodes keep their identity (and typing stays text-only for the numbering and hints), and points
 * y-tiptap's Y → node mapping at the kept nodes, so the next local change compares by identity too;
 * when a collaborator only typed, y-tiptap keeps that mapping and renders just what changed.
 */
export const MinimalRemoteStep = Extension.create({
  name: 'minimalRemoteStep',
  // Before 修订's rewrite and everything else: they then see the small step.
  priority: 1200,
  dispatchTransaction({ transaction, next }) {
    keepMappingOnTyping(this.editor.state)
    const narrowed = narrowRemoteReplace(this.editor.state, transaction)
    if (narrowed) keepBindingNodes(this.editor.state, transaction.doc, narrowed.doc)
    next(narrowed ?? transaction)
  },
})

/**
 * The same change as `tr` (a remote replacement of the whole document) as a transaction that
 * replaces only the range that differs; null when `tr` is anything else or cannot be narrowed
 * (then it is used as it is). The result's document equals `tr.doc`.
 */
export function narrowRemoteReplace(state: EditorState, tr: Transaction): Transaction | null {
  if (!isRemote(tr) || tr.steps.length !== 1 || tr.docs[0] !== state.doc) return null
  const step = tr.steps[0]
  if (!(step instanceof ReplaceStep) || step.from !== 0 || step.to !== state.doc.content.size) return null
  const a = state.doc
  const b = tr.doc
  const out = state.tr
  for (const key of ['addToHistory', ySyncPluginKey] as const) {
    const value: unknown = tr.getMeta(key)
    if (value !== undefined) out.setMeta(key, value)
  }
  const start = a.content.findDiffStart(b.content)
  if (start !== null) {
    const end = a.content.findDiffEnd(b.content)
    if (!end) return null
    let { a: endA, b: endB } = end
    // Repeated content can make the two ends overlap the start; widen both by the overlap.
    const overlap = start - Math.min(endA, endB)
    if (overlap > 0) {
      endA += overlap
      endB += overlap
    }
    try {
      if (out.maybeStep(new ReplaceStep(start, endA, b.slice(start, endB))).failed) return null
    } catch {
      return null
    }
    // The exact replace keeps everything outside the range, so equal sizes mean the same document; anything else falls back.
    if (out.doc.content.size !== b.content.size) return null
  }
  if (tr.selectionSet) out.setSelection(tr.selection.map(out.doc, new Mapping()))
  if (tr.storedMarksSet) out.setStoredMarks(tr.storedMarks)
  if (tr.scrolledIntoView) out.scrollIntoView()
  return out
}

/** The bindings whose mapping is already kept over collaborators' typing. */
const keeping = new WeakSet<object>()

/**
 * y-tiptap (3.0.9) empties its Y → node mapping on every collaborator's change and renders the
 * whole plan again from the Y.Doc, so that positions stay right after blocks moved. When the change
 * only typed or deleted text (every changed Y type is text and no element was removed), no block
 * moved: the mapping is kept, and y-tiptap renders again just the changed text and its ancestors
 * (as it dropped those entries itself), the rest are the nodes the editor already shows.
 */
function keepMappingOnTyping(state: EditorState): void {
  const binding = (ySyncPluginKey.getState(state) as { binding?: YBinding } | undefined)?.binding
  if (!binding || keeping.has(binding)) return
  keeping.add(binding)
  let typingOnly = false
  binding.doc.on('beforeObserverCalls', (tr: Y.Transaction) => {
    typingOnly = changesOnlyYText(tr)
  })
  binding.doc.on('afterTransaction', () => {
    typingOnly = false
  })
  const mapping = binding.mapping
  mapping.clear = () => {
    // Only the first clear of such a change: y-tiptap's own, in its observer.
    if (typingOnly) typingOnly = false
    else Map.prototype.clear.call(mapping)
  }
}

/** Whether a Y transaction only changed text: every changed type is a Y.XmlText, and no type was deleted. */
function changesOnlyYText(tr: Y.Transaction): boolean {
  for (const type of tr.changed.keys()) if (!(type instanceof Y.XmlText)) return false
  let typeDeleted = false
  Y.iterateDeletedStructs(tr, tr.deleteSet, (struct) => {
    if (struct instanceof Y.Item && struct.content instanceof Y.ContentType) typeDeleted = true
  })
  return !typeDeleted
}

/**
 * After a narrowed change, y-tiptap's mapping points at the nodes it built (`built`), which are
 * equal to but not the nodes the document keeps (`kept`): re-points it (see repointMapping).
 */
function keepBindingNodes(state: EditorState, built: PMNode, kept: PMNode): void {
  const binding = (ySyncPluginKey.getState(state) as { binding?: YBinding } | undefined)?.binding
  if (binding) repointMapping(binding.mapping, built, kept)
}

/**
 * Re-points every entry of a Y type → node(s) mapping from the nodes of `built` to the equal nodes
 * of `kept` (same shape), walking both trees side by side, so that y-tiptap's next comparison of
 * the document with the Y.Doc is by identity instead of a deep walk.
 */
export function repointMapping(mapping: Map<unknown, PMNode | PMNode[]>, built: PMNode, kept: PMNode): void {
  if (built === kept) return
  const swap = new Map<PMNode, PMNode>()
  const walk = (x: PMNode, y: PMNode): void => {
    if (x === y) return
    swap.set(x, y)
    for (let i = 0; i < x.childCount; i++) walk(x.child(i), y.child(i))
  }
  walk(built, kept)
  for (const [type, value] of mapping) {
    if (Array.isArray(value)) {
      if (value.some((n) => swap.has(n)))
        mapping.set(
          type,
          value.map((n) => swap.get(n) ?? n),
        )
    } else {
      const to = swap.get(value)
      if (to) mapping.set(type, to)
    }
  }
}
