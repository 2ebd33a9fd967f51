import { describe, expect, it } from 'vitest'
import { formatShortcut } from '../../../client/editor/formatShortcut.ts'
import { PLAN_SHORTCUTS } from '../../../shared/editor/extensions/PlanKeymap.ts'

describe('formatShortcut', () => {
  it('writes shortcuts as a PC keyboard shows them', () => {
    expect(formatShortcut('Mod-Shift-Enter', false)).toBe('Ctrl+Shift+Enter')
    expect(formatShortcut('Alt-ArrowUp', false)).toBe('Alt+↑')
    expect(formatShortcut('Mod-Alt-m', false)).toBe('Ctrl+Alt+M')
  })

  it('writes shortcuts with Mac symbols', () => {
    expect(formatShortcut('Mod-Shift-Enter', true)).toBe('⌘⇧↩')
    expect(formatShortcut('Mod-Shift-Backspace', true)).toBe('⌘⇧⌫')
  })

  it('gives every structure shortcut a distinct tooltip text', () => {
    const shown = Object.values(PLAN_SHORTCUTS).map((s) => formatShortcut(s, false))
    expect(new Set(shown).size).toBe(shown.length)
  })
})
