/**
 * Page scripts the keystroke benches share. The writer stamps the wall-clock time of every typed
 * character (Chinese text arrives as input without a keydown, as from an input method, so it times
 * the beforeinput); a reader stamps when each new length of the first matching element appears,
 * without a collaborator's caret label that may sit inside it, and returns the starting length.
 */
export const STAMP_SENT = `(() => {
  window.__sent = []
  document.addEventListener('beforeinput', () => window.__sent.push(performance.timeOrigin + performance.now()), true)
})()`

/** The reader's script for the element `selector` (see above); evaluates to its starting length. */
export function stampSeenLengths(selector: string): string {
  return `(() => {
    window.__seen = {}
    const el = document.querySelector('${selector}')
    const length = () => {
      const copy = el.cloneNode(true)
      copy.querySelectorAll('.collab-caret').forEach((c) => c.remove())
      return (copy.textContent || '').length
    }
    new MutationObserver(() => {
      const n = length()
      if (window.__seen[n] === undefined) window.__seen[n] = performance.timeOrigin + performance.now()
    }).observe(document.querySelector('[data-testid=plan-editor]'), { subtree: true, childList: true, characterData: true })
    return length()
  })()`
}
