import type { Editor } from '@tiptap/core'
import { TextSelection } from '@tiptap/pm/state'
import type { TextRange } from '../analysis/fixRange.ts'
import { findItemNode, leadRange } from '../analysis/itemNodes.ts'

/**
 * Scrolls an item into the middle of the view and selects it: the given range (the words a finding
 * is about), else the item's lead sentence. The item flashes briefly so the eye finds it. Returns
 * false when the item no longer exists.
 */
export function revealItem(editor: Editor, itemId: string, range?: TextRange | null): boolean {
  const { view } = editor
  const item = findItemNode(view.state.doc, itemId)
  if (!item) return false
  if (range) {
    // The words themselves: a long item may not fit on the screen, its paragraph does.
    revealRange(editor, range)
    return true
  }
  const { from, to } = leadRange(item)
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, from, to)))
  const dom = view.nodeDOM(item.pos)
  if (dom instanceof HTMLElement) {
    dom.scrollIntoView({ block: 'center', behavior: 'smooth' })
    flash(dom)
  }
  view.focus()
  return true
}

/**
 * Selects a range of text, scrolls its paragraph to the middle and flashes it; with `focus` the
 * keyboard goes to the editor (and collaborators see the caret there).
 */
export function revealRange(editor: Editor, range: TextRange, focus = true): void {
  const { view } = editor
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, range.from, range.to)))
  const { node } = view.domAtPos(range.from)
  const block = (node instanceof HTMLElement ? node : node.parentElement)?.closest<HTMLElement>('p, h1, h2, div[data-type]')
  if (block) {
    block.scrollIntoView({ block: 'center', behavior: 'smooth' })
    flash(block)
  }
  if (focus) view.focus()
}

/**
 * A fading highlight over an element of the text. It is drawn on the page around the editor, never
 * in the editor's own DOM, which ProseMirror would read back as an edit.
 */
function flash(target: HTMLElement): void {
  const paper = target.closest<HTMLElement>('.paper')
  if (!paper) return
  paper.querySelectorAll('.item-flash').forEach((old) => old.remove())
  const outer = paper.getBoundingClientRect()
  const box = target.getBoundingClientRect()
  const mark = document.createElement('div')
  mark.className = 'item-flash'
  mark.style.top = `${box.top - outer.top - 6}px`
  mark.style.left = `${box.left - outer.left - 12}px`
  mark.style.width = `${box.width + 24}px`
  mark.style.height = `${box.height + 12}px`
  mark.addEventListener('animationend', () => mark.remove(), { once: true })
  paper.appendChild(mark)
}
