import { describe, expect, it } from 'vitest'
import { findMatches } from '../../../client/editor/findMatches.ts'
import { planEditor, sketchPlan } from '../../shared/editor/planEditor.ts'

const doc = () =>
  planEditor(
    sketchPlan([
      { heading: '实施民心工程', items: ['实施善育工程。|推进工程建设。工程'] },
      { heading: '其他', items: ['无关。'] },
    ]),
  ).state.doc

describe('findMatches', () => {
  it('finds every occurrence in headings, lead sentences and body paragraphs, in document order', () => {
    const d = doc()
    const found = findMatches(d, '工程').map((m) => d.textBetween(m.from, m.to))
    expect(found).toEqual(['工程', '工程', '工程', '工程'])
    const blocks = findMatches(d, '工程').map((m) => d.resolve(m.from).parent.type.name)
    expect(blocks).toEqual(['sectionHeading', 'itemTitle', 'paragraph', 'paragraph'])
  })

  it('finds nothing for an empty query, and never across two lines', () => {
    const d = doc()
    expect(findMatches(d, '')).toEqual([])
    // "工程" ends the heading and "实施" starts the item: the two lines do not join into one match.
    expect(findMatches(d, '工程实施')).toEqual([])
  })

  it('does not match derived numbers, which are not text', () => {
    expect(findMatches(doc(), '1.')).toEqual([])
    expect(findMatches(doc(), '一、')).toEqual([])
  })
})
