import type { ResolvedPos } from '@tiptap/pm/model'
import { itemContainers } from './itemContainers.ts'
import type { ItemContainer } from './itemContainers.ts'

/** The innermost section or sub-section containing a position, or null outside every section. */
export function containerAt($pos: ResolvedPos): ItemContainer | null {
  for (let d = $pos.depth; d > 0; d--) {
    const name = $pos.node(d).type.name
    if (name === 'section' || name === 'subsection') {
      const pos = $pos.before(d)
      return itemContainers($pos.doc).find((c) => c.pos === pos) ?? null
    }
  }
  return null
}
