import { Extension } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state'
import { ReplaceStep } from '@tiptap/pm/transform'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { derivedNoticeTitle } from '../../shared/editor/notice/noticeTitle.ts'
import { changesOnlyText } from '../../shared/editor/extensions/textOnly.ts'

const HINTS: Record<string, string> = {
  planTitle: '标题，例如：2026年闵行区教育工作要点',
  sectionHeading: '部分标题',
  subsectionHeading: '小标题',
  itemTitle: '条目主句，以句号结尾',
}

// Each part of the cover notice and closing says what belongs there when it is empty.
const NOTICE_HINTS: Record<string, string> = {
  docNumber: '发文字号，例如：闵教〔2026〕1号',
  addressee: '主送机关，例如：各中小学、幼儿园',
  body: '通知正文',
  issuer: '发文机关',
  date: '成文日期，例如：2026年3月5日',
}

const key = new PluginKey<DecorationSet>('planEmptyHints')

/**
 * Greyed hints in empty headings, lead sentences and notice parts, so a new item, section or notice
 * says what to type. An empty notice title or 附件 line shows, in ink, what the export prints there
 * (关于印发《plan title》的通知, the plan title) until someone writes their own. Never text.
 */
export const EmptyHints = Extension.create<{ derivedOnly: boolean }>({
  name: 'emptyHints',
  addOptions: () => ({
    /** Show only the derived notice title and 附件 line, no hints (a read-only version view). @default false */
    derivedOnly: false,
  }),
  addProseMirrorPlugins() {
    return [emptyHintsPlugin(this.options.derivedOnly)]
  },
})

/** The ProseMirror plugin behind EmptyHints, usable on a bare EditorState. */
export function emptyHintsPlugin(derivedOnly: boolean): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key,
    state: {
      init: (_, state) => hints(state.doc, derivedOnly),
      // Typing that leaves every block as empty or as filled as it was changes no hint: they move with the text.
      apply: (tr, old) => (!tr.docChanged ? old : changesOnlyText(tr) && !hintsMayChange(tr) ? old.map(tr.mapping, tr.doc) : hints(tr.doc, derivedOnly)),
    },
    props: { decorations: (state) => key.getState(state) },
  })
}

/** Whether a text-only transaction emptied or filled a block, or changed the plan title (which the notice's derived lines show). */
function hintsMayChange(tr: Transaction): boolean {
  return tr.steps.some((step, i) => {
    if (!(step instanceof ReplaceStep)) return false
    const before = tr.docs[i].resolve(step.from).parent
    const after = (tr.docs[i + 1] ?? tr.doc).resolve(step.getMap().map(step.from)).parent
    return before.type.name === 'planTitle' || (before.content.size === 0) !== (after.content.size === 0)
  })
}

function hints(doc: PMNode, derivedOnly: boolean): DecorationSet {
  const list: Decoration[] = []
  let planTitle = ''
  doc.forEach((node) => {
    if (node.type.name === 'planTitle') planTitle = node.textContent
  })
  doc.descendants((node, pos) => {
    if (node.isTextblock && node.content.size === 0) {
      const hint = hintFor(node, planTitle)
      if (hint && (hint.derived || !derivedOnly)) list.push(Decoration.node(pos, pos + node.nodeSize, { class: hint.derived ? 'is-empty derived' : 'is-empty', 'data-placeholder': hint.text }))
    }
    return !node.isTextblock
  })
  return DecorationSet.create(doc, list)
}

function hintFor(node: PMNode, planTitle: string): { text: string; derived: boolean } | null {
  if (node.type.name !== 'noticeLine') {
    const text = HINTS[node.type.name]
    return text ? { text, derived: false } : null
  }
  const role = String(node.attrs.role)
  if (role === 'title') return planTitle.trim() ? { text: derivedNoticeTitle(planTitle), derived: true } : { text: '通知标题', derived: false }
  if (role === 'attachment') return planTitle.trim() ? { text: planTitle.trim(), derived: true } : { text: '附件名称', derived: false }
  const text = NOTICE_HINTS[role]
  return text ? { text, derived: false } : null
}
