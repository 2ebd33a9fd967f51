import { Extension } from '@tiptap/core'

/**
 * The keyboard shortcuts of the structure commands, in Tiptap's notation (Mod = Ctrl, or ⌘ on a
 * Mac). The toolbar shows these in its tooltips, so this table is the one place they are defined.
 */
export const PLAN_SHORTCUTS = {
  insertPlanItem: 'Mod-Enter',
  insertPlanSection: 'Mod-Shift-Enter',
  movePlanItemUp: 'Alt-ArrowUp',
  movePlanItemDown: 'Alt-ArrowDown',
  splitPlanItem: 'Mod-Alt-Enter',
  mergePlanItemWithNext: 'Mod-Alt-m',
  deletePlanItem: 'Mod-Shift-Backspace',
} as const

/** A structure command that has a shortcut. */
export type PlanShortcutCommand = keyof typeof PLAN_SHORTCUTS

/**
 * Keys that follow the plan's structure: Enter at the end of a lead sentence goes to the body, in a
 * heading to its first item, in the title to the preamble, on an empty last body paragraph to a new
 * item, in a one-line part of the cover notice to the next part; Backspace and Delete never break
 * an item, heading or notice part apart. Runs before Tiptap's own keymap.
 */
export const PlanKeymap = Extension.create({
  name: 'planKeymap',
  priority: 1000,
  addKeyboardShortcuts() {
    const c = () => this.editor.commands
    return {
      Enter: () =>
        c().first(({ commands }) => [
          () => commands.enterNoticeLine(),
          () => commands.enterItemBody(),
          () => commands.enterFirstItem(),
          () => commands.enterPreamble(),
          () => commands.newItemFromEmptyParagraph(),
        ]),
      Backspace: () => c().first(({ commands }) => [() => commands.backspaceAtItemStart(), () => commands.noticeLineBackspace()]),
      Delete: () => c().first(({ commands }) => [() => commands.protectStructureOnDelete(), () => commands.noticeLineDelete()]),
      [PLAN_SHORTCUTS.insertPlanItem]: () => c().insertPlanItem(),
      [PLAN_SHORTCUTS.insertPlanSection]: () => c().insertPlanSection(),
      [PLAN_SHORTCUTS.movePlanItemUp]: () => c().movePlanItemUp(),
      [PLAN_SHORTCUTS.movePlanItemDown]: () => c().movePlanItemDown(),
      [PLAN_SHORTCUTS.splitPlanItem]: () => c().splitPlanItem(),
      [PLAN_SHORTCUTS.mergePlanItemWithNext]: () => c().mergePlanItemWithNext(),
      [PLAN_SHORTCUTS.deletePlanItem]: () => c().deletePlanItem(),
    }
  },
})
