import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { commentedText, liveCommentIds } from '../../../shared/review/commentsAnchors.ts'
import { commentMarkKey } from '../../../shared/review/commentsMarkKey.ts'
import { mentionedIn } from '../../../shared/review/commentsMentions.ts'
import { filterThreads, isPendingFor } from '../../../shared/review/commentsPending.ts'
import type { CommentMessage, CommentThread } from '../../../shared/review/commentsTypes.ts'
import { planSchema } from '../../../shared/editor/planExtensions.ts'

const people = [
  { id: 'u1', name: '李娜' },
  { id: 'u2', name: '李娜娜' },
  { id: 'u3', name: '张伟' },
]

function msg(author: string, mentions: string[] = [], at = '2026-12-02T08:00:00Z'): CommentMessage {
  return { id: `m${author}${at}`, author: { id: author, name: author }, createdAt: at, text: '', mentions }
}

function thread(over: Partial<CommentThread> = {}): CommentThread {
  return { ...msg('u3', ['u1']), id: 't1', itemId: 'i1', quote: '原文', resolved: false, replies: [], ...over }
}

describe('@mentions', () => {
  it('finds the longest display name after each @ (also the full-width ＠) and ignores unknown names', () => {
    expect(mentionedIn('@李娜娜 和 ＠张伟 看一下，@王五 不在', people)).toEqual(['u2', 'u3'])
    expect(mentionedIn('请@李娜核实；@李娜 再看', people)).toEqual(['u1'])
    expect(mentionedIn('没有提到任何人 李娜', people)).toEqual([])
  })
})

describe('待处理', () => {
  it('waits for a mentioned person until they reply after the mention or the thread is resolved', () => {
    expect(isPendingFor(thread(), 'u1')).toBe(true)
    expect(isPendingFor(thread(), 'u3')).toBe(false)
    expect(isPendingFor(thread({ replies: [msg('u1', [], '2026-12-02T09:00:00Z')] }), 'u1')).toBe(false)
    expect(isPendingFor(thread({ replies: [msg('u1'), msg('u3', ['u1'])] }), 'u1')).toBe(true)
    expect(isPendingFor(thread({ resolved: true }), 'u1')).toBe(false)
  })

  it('filters by status (open by default), a person who wrote in the thread, and the author’s 科室', () => {
    const open = thread({ id: 'a', author: { id: 'u3', name: '张伟', department: '德育科' } })
    const done = thread({ id: 'b', resolved: true, replies: [msg('u1')] })
    const orphan = thread({ id: 'c', orphan: true })
    const all = [open, done, orphan]
    expect(filterThreads(all, {}).map((t) => t.id)).toEqual(['a', 'c'])
    expect(filterThreads(all, { status: 'resolved' }).map((t) => t.id)).toEqual(['b'])
    expect(filterThreads(all, { status: 'orphan' }).map((t) => t.id)).toEqual(['c'])
    expect(filterThreads(all, { status: 'all', person: 'u1' }).map((t) => t.id)).toEqual(['b'])
    expect(filterThreads(all, { status: 'all', department: '德育科' }).map((t) => t.id)).toEqual(['a'])
  })
})

describe('comment anchors in a Y.Doc', () => {
  /** A plan title with marked words, written by y-tiptap as the editor writes it. */
  function titleDoc(): { doc: Y.Doc; text: Y.XmlText; fragment: Y.XmlFragment } {
    const doc = new Y.Doc()
    const fragment = doc.getXmlFragment('plan')
    const mark = (id: string) => [{ type: 'comment', attrs: { id } }]
    prosemirrorJSONToYXmlFragment(
      planSchema(),
      {
        type: 'doc',
        content: [
          {
            type: 'planTitle',
            content: [
              { type: 'text', text: '二〇二二年' },
              { type: 'text', text: '教育', marks: mark('a') },
              { type: 'text', text: '工作', marks: [...mark('a'), ...mark('b')] },
              { type: 'text', text: '要点' },
            ],
          },
        ],
      },
      fragment,
    )
    const text = (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText
    return { doc, text, fragment }
  }

  it('stores the mark under the key y-tiptap uses, so the server can mark words as an editor would', () => {
    const { text } = titleDoc()
    const keys = text.toDelta().flatMap((op: { attributes?: Record<string, unknown> }) => Object.keys(op.attributes ?? {}))
    expect(new Set(keys)).toEqual(new Set([commentMarkKey('a'), commentMarkKey('b')]))
  })

  it('reads which comment ids still cover live characters and which words they cover', () => {
    const { text, fragment } = titleDoc()
    expect(liveCommentIds(fragment)).toEqual(new Set(['a', 'b']))
    expect(commentedText(fragment, 'a')).toBe('教育工作')
    expect(commentedText(fragment, 'b')).toBe('工作')
    text.delete(7, 2)
    expect(liveCommentIds(fragment)).toEqual(new Set(['a']))
    text.delete(5, 2)
    expect(liveCommentIds(fragment)).toEqual(new Set())
    expect(text.toString()).toBe('二〇二二年要点')
  })
})
