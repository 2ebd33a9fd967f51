import { Extension } from '@tiptap/core'
import { backspaceAtItemStart } from '../commands/backspaceAtItemStart.ts'
import { deletePlanItem } from '../commands/deletePlanItem.ts'
import { enterFirstItem } from '../commands/enterFirstItem.ts'
import { enterItemBody } from '../commands/enterItemBody.ts'
import { enterNoticeLine } from '../commands/enterNoticeLine.ts'
import { enterPreamble } from '../commands/enterPreamble.ts'
import { insertPlanItem } from '../commands/insertPlanItem.ts'
import { insertPlanSection } from '../commands/insertPlanSection.ts'
import { mergePlanItemWithNext } from '../commands/mergePlanItemWithNext.ts'
import { movePlanItem } from '../commands/movePlanItem.ts'
import { movePlanItemDown } from '../commands/movePlanItemDown.ts'
import { movePlanItemToSection } from '../commands/movePlanItemToSection.ts'
import { movePlanItemUp } from '../commands/movePlanItemUp.ts'
import { noticeLineBackspace, noticeLineDelete } from '../commands/noticeLineBoundary.ts'
import { newItemFromEmptyParagraph } from '../commands/newItemFromEmptyParagraph.ts'
import { protectStructureOnDelete } from '../commands/protectStructureOnDelete.ts'
import { splitPlanItem } from '../commands/splitPlanItem.ts'

/** The plan's structure commands (insert, move, split, merge, delete items and sections) as editor.commands. */
export const PlanCommands = Extension.create({
  name: 'planCommands',
  addCommands() {
    return {
      insertPlanItem,
      insertPlanSection,
      movePlanItem,
      movePlanItemUp,
      movePlanItemDown,
      movePlanItemToSection,
      splitPlanItem,
      mergePlanItemWithNext,
      deletePlanItem,
      enterItemBody,
      enterFirstItem,
      enterPreamble,
      enterNoticeLine,
      noticeLineBackspace,
      noticeLineDelete,
      newItemFromEmptyParagraph,
      backspaceAtItemStart,
      protectStructureOnDelete,
    }
  },
})
