/** The window event SidePanel listens to for a request to open one of its tabs (detail: the tab id). */
export const SHOW_SIDE_TAB = 'plan-studio:show-side-tab'

/** Asks the editor page to open the side panel on a tab (e.g. 批注 after adding one). */
export function showSideTab(id: string): void {
  // A panel opened by this request reads its tab from here (the key SidePanel remembers its tab under).
  sessionStorage.setItem('plan-studio/side-tab', id)
  window.dispatchEvent(new CustomEvent(SHOW_SIDE_TAB, { detail: id }))
}
