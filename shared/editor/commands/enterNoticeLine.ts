import type { Command } from '@tiptap/core'
import { Selection, TextSelection } from '@tiptap/pm/state'
import { NOTICE_ROLES } from '../nodes/NoticeLine.ts'
import { CLOSING_ROLES, isSingleLine, nextRole, roleOf } from '../notice/noticeParts.ts'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    enterNoticeLine: {
      /** In a one-line part of the cover notice or closing: moves to the next part instead of splitting the line. */
      enterNoticeLine: () => ReturnType
    }
  }
}

/**
 * The cover notice is a form: Enter in the title, 发文字号, 主送, 附件, issuer or date goes to the
 * start of the next part (making its empty line when the part is missing, so a date cleared by 结转
 * can be entered again) and never splits the line, which would glue text onto the issuer or make
 * a paragraph that prints elsewhere. Body paragraphs are left to the ordinary Enter (they split).
 */
export const enterNoticeLine =
  (): Command =>
  ({ tr, dispatch }) => {
    const { $from, $to } = tr.selection
    const line = $from.parent
    if (line.type.name !== 'noticeLine' || !$from.sameParent($to)) return false
    const role = roleOf(line.attrs.role)
    if (!isSingleLine(role)) return false
    if (!dispatch) return true
    const container = $from.node(-1)
    const roles = container.type.name === 'closing' ? CLOSING_ROLES : NOTICE_ROLES
    const want = nextRole(role, roles)
    const index = $from.index(-1)
    const next = index + 1 < container.childCount ? container.child(index + 1) : null
    const after = $from.after()
    const missing = want !== undefined && (!next || roles.indexOf(roleOf(next.attrs.role)) > roles.indexOf(want))
    if (missing) {
      tr.insert(after, line.type.create({ role: want }))
      tr.setSelection(TextSelection.create(tr.doc, after + 1))
    } else if (next) {
      tr.setSelection(TextSelection.create(tr.doc, after + 1))
    } else {
      // The last part: leave the notice for the text after it (the plan title).
      const onward = Selection.findFrom(tr.doc.resolve($from.after(-1)), 1, true)
      if (onward) tr.setSelection(onward)
    }
    tr.scrollIntoView()
    return true
  }
