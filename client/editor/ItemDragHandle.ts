import { Extension } from '@tiptap/core'
import type { Editor } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import type { Node as PMNode } from '@tiptap/pm/model'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import type { EditorView } from '@tiptap/pm/view'
import { findItem } from '../../shared/editor/commands/findItem.ts'
import { itemDropTarget } from '../../shared/editor/commands/itemDropTarget.ts'
import { changesOnlyText } from '../../shared/editor/extensions/textOnly.ts'

interface DragState {
  /** Position of the item being dragged, or null when no item drag is under way. */
  from: number | null
  /** Where it would land if dropped now. */
  target: number | null
}

/** The drag state and the decorations drawn from it, rebuilt only when the document or the drag changes. */
interface HandleState extends DragState {
  decorations: DecorationSet
}

const key = new PluginKey<HandleState>('planItemDrag')

/**
 * A handle (⠿) in the margin of every item: dragging it moves the whole item, into another section
 * too, with a red line showing where it will land. The move itself is the movePlanItem command, so a
 * drag and Alt-↑/↓ give the same document. Browser only (it builds DOM).
 */
export const ItemDragHandle = Extension.create({
  name: 'itemDragHandle',
  addProseMirrorPlugins() {
    const editor = this.editor
    return [
      new Plugin<HandleState>({
        key,
        state: {
          init: (_, state) => withDecorations(state.doc, { from: null, target: null }),
          apply: (tr, old) => {
            const meta = tr.getMeta(key) as Partial<DragState> | undefined
            // A caret move or a collaborator's presence changes neither: the handles stay as they are.
            if (!meta && !tr.docChanged) return old
            const mapped = { from: old.from === null ? null : tr.mapping.map(old.from), target: old.target === null ? null : tr.mapping.map(old.target) }
            // Typing (here or a collaborator's) adds, moves or removes no item: the handles move with the text.
            if (!meta && changesOnlyText(tr)) return { ...mapped, decorations: old.decorations.map(tr.mapping, tr.doc) }
            return withDecorations(tr.doc, meta ? { ...mapped, ...meta } : mapped)
          },
        },
        props: {
          decorations: (state) => key.getState(state)?.decorations,
          handleDOMEvents: {
            dragstart: (view, event) => startDrag(view, event),
            dragover: (view, event) => overDrag(view, event),
            drop: (view, event) => drop(view, editor, event),
            dragend: (view) => endDrag(view),
          },
        },
      }),
    ]
  },
})

/**
 * The drag state with a handle for every item, the dragged item marked and the drop line. Built in
 * the plugin's state, not in the decorations prop: the view asks for those at every update (each
 * caret move, each collaborator's presence), and 300 items' handles each time showed in typing.
 */
function withDecorations(doc: PMNode, drag: DragState): HandleState {
  const list: Decoration[] = []
  doc.descendants((node, pos) => {
    if (node.type.name !== 'item') return node.type.name !== 'paragraph'
    list.push(Decoration.widget(pos + 1, handle, { side: -1, key: `handle-${String(node.attrs.id)}`, ignoreSelection: true }))
    if (drag.from === pos) list.push(Decoration.node(pos, pos + node.nodeSize, { class: 'plan-item-dragging' }))
    return false
  })
  if (drag.target !== null) list.push(Decoration.widget(drag.target, dropLine, { side: 1, key: `drop-${drag.target}` }))
  return { ...drag, decorations: DecorationSet.create(doc, list) }
}

function handle(): HTMLElement {
  const el = document.createElement('span')
  el.className = 'plan-drag-handle'
  el.contentEditable = 'false'
  el.draggable = true
  el.setAttribute('data-drag-handle', '')
  el.setAttribute('aria-hidden', 'true')
  el.title = '拖动以移动此条目'
  el.textContent = '⠿'
  return el
}

function dropLine(): HTMLElement {
  const el = document.createElement('div')
  el.className = 'plan-drop-line'
  el.contentEditable = 'false'
  return el
}

function startDrag(view: EditorView, event: DragEvent): boolean {
  const target = event.target
  if (!(target instanceof HTMLElement) || !target.hasAttribute('data-drag-handle') || !view.editable) return false
  const item = findItem(view.state.doc.resolve(view.posAtDOM(target, 0)))
  if (!item || !event.dataTransfer) return false
  event.dataTransfer.effectAllowed = 'move'
  event.dataTransfer.setData('text/plain', item.node.firstChild?.textContent ?? '')
  const dom = view.nodeDOM(item.pos)
  if (dom instanceof HTMLElement) event.dataTransfer.setDragImage(dom, 16, 16)
  view.dispatch(view.state.tr.setMeta(key, { from: item.pos, target: null }))
  return true
}

function overDrag(view: EditorView, event: DragEvent): boolean {
  const drag = key.getState(view.state)
  if (drag?.from == null) return false
  event.preventDefault()
  // The drop cursor of ordinary text drags would draw a second, misleading marker.
  event.stopImmediatePropagation()
  if (event.dataTransfer) event.dataTransfer.dropEffect = 'move'
  const target = dropTargetAt(view, event)
  if (target !== drag.target) view.dispatch(view.state.tr.setMeta(key, { target }))
  return true
}

function dropTargetAt(view: EditorView, event: DragEvent): number | null {
  const at = view.posAtCoords({ left: event.clientX, top: event.clientY })
  if (!at) return null
  const item = findItem(view.state.doc.resolve(at.pos))
  let half: 'upper' | 'lower' = 'lower'
  if (item) {
    const dom = view.nodeDOM(item.pos)
    if (dom instanceof HTMLElement) {
      const rect = dom.getBoundingClientRect()
      half = event.clientY < rect.top + rect.height / 2 ? 'upper' : 'lower'
    }
  }
  return itemDropTarget(view.state.doc, at.pos, half)
}

function drop(view: EditorView, editor: Editor, event: DragEvent): boolean {
  const drag = key.getState(view.state)
  if (drag?.from == null) return false
  event.preventDefault()
  const target = dropTargetAt(view, event) ?? drag.target
  view.dispatch(view.state.tr.setMeta(key, { from: null, target: null }))
  if (target !== null) editor.chain().focus().movePlanItem(drag.from, target).run()
  return true
}

function endDrag(view: EditorView): boolean {
  const drag = key.getState(view.state)
  if (drag?.from != null || drag?.target != null) view.dispatch(view.state.tr.setMeta(key, { from: null, target: null }))
  return false
}
