import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readPlan, writePlan } from '../../../shared/collab/ydoc.ts'
import { elementsNamed } from '../../utils/planText.ts'
import { districtSeed } from '../../utils/seeds.ts'

describe('reading a plan from a Y.Doc', () => {
  it('never changes the document, even when an element does not fit the schema, and keeps the item', () => {
    const doc = new Y.Doc()
    writePlan(doc, districtSeed())
    const item = elementsNamed(doc, 'item')[0]
    const p = new Y.XmlElement('paragraph')
    p.insert(0, [new Y.XmlText('在引领句之前')])
    item.insert(0, [p])
    let updates = 0
    doc.on('update', () => updates++)
    const plan = readPlan(doc)
    expect(updates).toBe(0)
    expect(elementsNamed(doc, 'item')).toHaveLength(30)
    const items = plan.sections.flatMap((s) => s.items)
    expect(items).toHaveLength(30)
    expect(items[0].body).toContain('做好秋季开学')
  })
})
