import { Editor } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import { TextSelection } from '@tiptap/pm/state'
import type { Transaction } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'
import { planToPm } from '../../../shared/editor/convert/planToPm.ts'
import { numberLabels } from '../../../shared/editor/extensions/numberLabels.ts'
import { planExtensions } from '../../../shared/editor/planExtensions.ts'
import type { Plan, PlanItem, PlanSection } from '../../../shared/plan/types.ts'

/** A section written briefly for tests: heading, items as "title|body" strings, optional sub-sections. */
export interface SectionSketch {
  heading: string
  items?: string[]
  subsections?: { heading: string; items: string[] }[]
}

let ids = 0
function item(text: string): PlanItem {
  const [title, body = ''] = text.split('|')
  return { id: `t${++ids}`, title, body }
}

/** A plan made from section sketches, with a title and a one-paragraph preamble. */
export function sketchPlan(sections: SectionSketch[]): Plan {
  return {
    title: '测试工作要点',
    preamble: ['前言。'],
    meta: {},
    sections: sections.map((s): PlanSection => ({
      id: `s${++ids}`,
      heading: s.heading,
      intro: [],
      items: (s.items ?? []).map(item),
      subsections: (s.subsections ?? []).map((u) => ({ id: `u${++ids}`, heading: u.heading, intro: [], items: u.items.map(item) })),
    })),
  }
}

/**
 * A headless editor (no DOM) holding the plan, with every plan extension. Tiptap adds plugins only
 * when it mounts a view, so they are added here by hand: numbering, ids and keymaps then run.
 */
export function planEditor(plan: Plan): Editor {
  // Tiptap's own keymap asks navigator.platform whether this is a Mac; Node 20 has no navigator.
  if (!('navigator' in globalThis)) Object.defineProperty(globalThis, 'navigator', { value: { platform: 'Linux', userAgent: 'node' }, configurable: true })
  const editor = new Editor({ element: null, extensions: planExtensions(), content: planToPm(plan) })
  editor.view.updateState(editor.state.reconfigure({ plugins: editor.extensionManager.plugins }))
  return editor
}

/** Presses a key (Tiptap notation: 'Enter', 'Mod-Enter', 'Alt-ArrowUp') through the editor's keymap plugins, as a browser would. */
export function press(editor: Editor, shortcut: string): boolean {
  const parts = shortcut.split('-')
  const key = parts.pop() ?? ''
  const has = (m: string): boolean => parts.includes(m)
  const event = {
    type: 'keydown',
    key,
    keyCode: 0,
    ctrlKey: has('Mod') || has('Ctrl'),
    altKey: has('Alt'),
    shiftKey: has('Shift'),
    metaKey: false,
    preventDefault: () => undefined,
  } as unknown as KeyboardEvent
  const view = {
    get state() {
      return editor.state
    },
    dispatch: (tr: Transaction) => editor.view.dispatch(tr),
  } as unknown as EditorView
  return editor.state.plugins.some((plugin) => plugin.props.handleKeyDown?.call(plugin, view, event) === true)
}

/** The plan's structure as lines: numbered headings and lead sentences, body paragraphs indented. */
export function outline(doc: PMNode): string[] {
  const labels = new Map(numberLabels(doc).map((l) => [l.pos, l.label]))
  const lines: string[] = []
  doc.descendants((node, pos) => {
    const name = node.type.name
    if (name === 'sectionHeading' || name === 'subsectionHeading' || name === 'itemTitle') {
      lines.push(`${labels.get(pos) ?? '?'}${node.textContent}`)
      return false
    }
    if (name === 'paragraph') {
      const parent = doc.resolve(pos).parent.type.name
      if (parent === 'item') lines.push(`  ${node.textContent}`)
      return false
    }
    return !node.isTextblock
  })
  return lines
}

/** Puts the cursor `offset` characters after the start of `text` (the first occurrence in the document). */
export function cursorAt(editor: Editor, text: string, offset = 0): void {
  let found = -1
  editor.state.doc.descendants((node, pos) => {
    if (found >= 0) return false
    if (node.isText && node.text?.includes(text)) found = pos + node.text.indexOf(text) + offset
    return true
  })
  if (found < 0) throw new Error(`text not found: ${text}`)
  editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, found)))
}

/** Puts the cursor at the start of the first empty text block of this type. */
export function cursorInEmpty(editor: Editor, type: string): void {
  let found = -1
  editor.state.doc.descendants((node, pos) => {
    if (found < 0 && node.type.name === type && node.content.size === 0) found = pos + 1
    return found < 0
  })
  if (found < 0) throw new Error(`no empty ${type}`)
  editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, found)))
}

/** The name of the text block holding the cursor and the cursor's offset in it. */
export function cursorPlace(editor: Editor): { block: string; text: string; offset: number } {
  const { $from } = editor.state.selection
  return { block: $from.parent.type.name, text: $from.parent.textContent, offset: $from.parentOffset }
}
