import type { Command } from '@tiptap/core'
import type { ResolvedPos } from '@tiptap/pm/model'
import { Selection } from '@tiptap/pm/state'
import { roleOf } from '../notice/noticeParts.ts'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    noticeLineBackspace: {
      /** Backspace at the start of a notice line: joins only two body paragraphs; otherwise moves back without merging parts. */
      noticeLineBackspace: () => ReturnType
    }
    noticeLineDelete: {
      /** Delete at the end of a notice line: joins only two body paragraphs; otherwise does nothing. */
      noticeLineDelete: () => ReturnType
    }
  }
}

/** True when the lines at child indexes a and b of the cursor's container are both body paragraphs. */
function bothBody($pos: ResolvedPos, a: number, b: number): boolean {
  const container = $pos.node(-1)
  if (a < 0 || b >= container.childCount) return false
  return roleOf(container.child(a).attrs.role) === 'body' && roleOf(container.child(b).attrs.role) === 'body'
}

/** How many body paragraphs the cursor's notice holds. */
function bodyCount($pos: ResolvedPos): number {
  let n = 0
  $pos.node(-1).forEach((child) => {
    if (roleOf(child.attrs.role) === 'body') n++
  })
  return n
}

/**
 * Body paragraphs of a notice join as paragraphs do, but the one-line parts (主送, issuer, date …)
 * never merge with their neighbours: Backspace at the start of one moves to the end of the line
 * before. An empty body paragraph that is not the last one left is removed.
 */
export const noticeLineBackspace =
  (): Command =>
  ({ tr, dispatch }) => {
    const { $from, empty } = tr.selection
    if (!empty || $from.parent.type.name !== 'noticeLine' || $from.parentOffset !== 0) return false
    const index = $from.index(-1)
    if (bothBody($from, index - 1, index)) return false
    if (dispatch) {
      const lone = roleOf($from.parent.attrs.role) === 'body' && $from.parent.content.size === 0 && bodyCount($from) > 1
      if (lone) tr.delete($from.before(), $from.after())
      const before = Selection.findFrom(tr.doc.resolve(lone ? tr.mapping.map($from.before()) : $from.before()), -1, true)
      if (before) tr.setSelection(before).scrollIntoView()
    }
    return true
  }

/** Delete at the end of a notice line joins the next line only when both are body paragraphs. */
export const noticeLineDelete =
  (): Command =>
  ({ tr }) => {
    const { $from, empty } = tr.selection
    if (!empty || $from.parent.type.name !== 'noticeLine' || $from.parentOffset !== $from.parent.content.size) return false
    const index = $from.index(-1)
    return !bothBody($from, index, index + 1)
  }
