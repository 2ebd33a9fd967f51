const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

const MAC: Record<string, string> = { Mod: '⌘', Alt: '⌥', Shift: '⇧', Enter: '↩', Backspace: '⌫', ArrowUp: '↑', ArrowDown: '↓' }
const PC: Record<string, string> = { Mod: 'Ctrl', Alt: 'Alt', Shift: 'Shift', Enter: 'Enter', Backspace: 'Backspace', ArrowUp: '↑', ArrowDown: '↓' }

/** A Tiptap shortcut ('Mod-Shift-Enter') as the user's keyboard shows it: Ctrl+Shift+Enter, or ⌘⇧↩ on a Mac. */
export function formatShortcut(shortcut: string, mac = IS_MAC): string {
  const names = mac ? MAC : PC
  const keys = shortcut.split('-').map((k) => names[k] ?? k.toUpperCase())
  return keys.join(mac ? '' : '+')
}
