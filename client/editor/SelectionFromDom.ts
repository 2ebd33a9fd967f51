import { Extension } from '@tiptap/core'
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'

/**
 * Makes key handlers act where the browser's caret is. ProseMirror learns of a caret moved by a
 * click or by End/Home from the `selectionchange` event, which Chromium queues behind input: on a
 * busy machine an Enter pressed right after End reached the keymap with the old selection and
 * moved to the line after the old one, so the words typed next landed there.
 */
export const SelectionFromDom = Extension.create({
  name: 'selectionFromDom',
  // Before every keymap: they all read the selection this corrects.
  priority: 200_000,
  addProseMirrorPlugins: () => [
    new Plugin({
      key: new PluginKey('selectionFromDom'),
      props: {
        handleKeyDown: (view, event) => {
          // Printable keys are inserted by the browser at its own caret; only handled keys read the state.
          const handled = event.key.length > 1 || event.ctrlKey || event.metaKey || event.altKey
          if (!handled || event.isComposing || event.keyCode === 229 || view.composing) return false
          const fromDom = domTextSelection(view)
          if (fromDom && view.state.selection instanceof TextSelection && !fromDom.eq(view.state.selection)) view.dispatch(view.state.tr.setSelection(fromDom))
          return false
        },
      },
    }),
  ],
})

/** The browser's selection as a text selection of the editor, when it lies in editable text. */
function domTextSelection(view: EditorView): TextSelection | null {
  const selection = view.dom.ownerDocument.getSelection()
  const { anchorNode, focusNode } = selection ?? {}
  if (!selection || !anchorNode || !focusNode || !inEditableText(view, anchorNode) || !inEditableText(view, focusNode)) return null
  try {
    const { doc } = view.state
    const anchor = doc.resolve(view.posAtDOM(anchorNode, selection.anchorOffset))
    const head = doc.resolve(view.posAtDOM(focusNode, selection.focusOffset))
    return anchor.parent.inlineContent && head.parent.inlineContent ? TextSelection.create(doc, anchor.pos, head.pos) : null
  } catch {
    // A node ProseMirror does not map (a widget's inside): leave the selection as it is.
    return null
  }
}

/** True when the node is inside the editor and not inside a widget such as a caret label or number. */
function inEditableText(view: EditorView, node: Node): boolean {
  const element = node instanceof Element ? node : node.parentElement
  return !!element && view.dom.contains(element) && element.closest('[contenteditable]') === view.dom
}
