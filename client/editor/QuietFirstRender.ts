import { Extension } from '@tiptap/core'
import { Plugin, TextSelection } from '@tiptap/pm/state'

// Position 4 holds inline content both in the empty document the editor starts with (the preamble's
// paragraph) and in the opening of almost any plan: inside the notice's first or second line, or
// inside the plan title.
const SAFE_POS = 4

/**
 * The Collaboration binding replaces the editor's empty starting document with the shared one on
 * its first render and keeps the cursor's number. The default cursor (1) lands inside the cover
 * notice, not in a line of text, and ProseMirror warns on the console. Moving the cursor once,
 * before that render, to a place that is text in both documents keeps the console quiet.
 */
export const QuietFirstRender = Extension.create({
  name: 'quietFirstRender',
  // Plugin views start in plugin order: this must run before the Collaboration binding's first render.
  priority: 100_000,
  addProseMirrorPlugins: () => [
    new Plugin({
      view(view) {
        const { doc } = view.state
        if (SAFE_POS <= doc.content.size && doc.resolve(SAFE_POS).parent.inlineContent) view.dispatch(view.state.tr.setSelection(TextSelection.create(doc, SAFE_POS)))
        return {}
      },
    }),
  ],
})
