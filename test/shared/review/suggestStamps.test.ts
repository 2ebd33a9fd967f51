import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { suggestionIdsInUpdate } from '../../../shared/review/suggestStamps.ts'

/** The update `change` makes to a document that already has an item with a lead sentence. */
function updateOf(change: (item: Y.XmlElement, text: Y.XmlText) => void): Uint8Array {
  const doc = new Y.Doc()
  const item = new Y.XmlElement('item')
  const text = new Y.XmlText()
  doc.getXmlFragment('plan').insert(0, [item])
  item.insert(0, [text])
  text.insert(0, '加强学校安全管理。')
  const before = Y.encodeStateVector(doc)
  change(item, text)
  return Y.encodeStateAsUpdate(doc, before)
}

describe('suggestionIdsInUpdate', () => {
  it('finds the ids of insertion and deletion marks and of structural suggestions an update writes', () => {
    expect(suggestionIdsInUpdate(updateOf((_, t) => t.insert(0, '切实', { insertion: { id: 'ins00001' } })))).toEqual(new Set(['ins00001']))
    expect(suggestionIdsInUpdate(updateOf((_, t) => t.format(0, 2, { deletion: { id: 'del00001' } })))).toEqual(new Set(['del00001']))
    expect(suggestionIdsInUpdate(updateOf((item) => item.setAttribute('suggestion', 'delete:str00001')))).toEqual(new Set(['str00001']))
  })

  it('finds none in plain typing, also when the typed words spell a mark’s name in Chinese or an id', () => {
    expect(suggestionIdsInUpdate(updateOf((_, t) => t.insert(3, '修订插入删除ins00001')))).toEqual(new Set())
    expect(suggestionIdsInUpdate(updateOf((_, t) => t.delete(0, 2)))).toEqual(new Set())
  })

  it('still reads an update whose typed text contains a mark’s name, and finds no id there', () => {
    expect(suggestionIdsInUpdate(updateOf((_, t) => t.insert(0, 'insertion deletion suggestion')))).toEqual(new Set())
  })
})
