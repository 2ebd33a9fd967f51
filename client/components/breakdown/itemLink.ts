import type { Editor } from '@tiptap/core'
import { useEffect } from 'react'
import { revealItem } from '../../editor/revealItem.ts'
import { navigate } from '../../router/navigate.ts'

/** Fired when an item link is followed on the editor page itself, so the open editor scrolls to it. */
const REVEAL_EVENT = 'plan-studio:reveal-item'

/** The address of an item in the editor: /documents/:id?item=… (a real link: it opens in a new tab too). */
export function itemHref(docId: string, itemId: string): string {
  return `/documents/${encodeURIComponent(docId)}?item=${encodeURIComponent(itemId)}`
}

/** Follows an item link without reloading: opens the editor (or stays in it) and scrolls to the item. */
export function openItem(docId: string, itemId: string): void {
  history.pushState(null, '', itemHref(docId, itemId))
  navigate({ page: 'editor', docId }, true)
  window.dispatchEvent(new Event(REVEAL_EVENT))
}

/**
 * On the editor page: scrolls to and selects the item the address names (?item=…), then drops it
 * from the address so that a reload does not jump again. The page mounts this once the document
 * has synced; an item that is not (yet) in the text is tried again on the next change.
 */
export function useRevealFromAddress(editor: Editor): void {
  useEffect(() => {
    const attempt = (): void => {
      const itemId = new URLSearchParams(location.search).get('item')
      if (!itemId || editor.isDestroyed) return
      if (revealItem(editor, itemId)) history.replaceState(null, '', location.pathname)
    }
    // The editor view is created with the page; let it render its first content before scrolling.
    const first = requestAnimationFrame(attempt)
    editor.on('update', attempt)
    window.addEventListener(REVEAL_EVENT, attempt)
    return () => {
      cancelAnimationFrame(first)
      editor.off('update', attempt)
      window.removeEventListener(REVEAL_EVENT, attempt)
    }
  }, [editor])
}
