import type { AnyExtension } from '@tiptap/core'
import { getSchema } from '@tiptap/core'
import type { Schema } from '@tiptap/pm/model'
import StarterKit from '@tiptap/starter-kit'
import { CarriedFlag } from './extensions/CarriedFlag.ts'
import { ItemIds } from './extensions/ItemIds.ts'
import { NoticePaste } from './extensions/NoticePaste.ts'
import { Numbering } from './extensions/Numbering.ts'
import { PlanCommands } from './extensions/PlanCommands.ts'
import { PlanKeymap } from './extensions/PlanKeymap.ts'
import { SuggestMode } from './extensions/SuggestMode.ts'
import { CommentMark, DeletionMark, InsertionMark } from './marks/reviewMarks.ts'
import { Closing } from './nodes/Closing.ts'
import { CoverNotice } from './nodes/CoverNotice.ts'
import { Item } from './nodes/Item.ts'
import { ItemTitle } from './nodes/ItemTitle.ts'
import { NoticeLine } from './nodes/NoticeLine.ts'
import { PlanDocument } from './nodes/PlanDocument.ts'
import { PlanTitle } from './nodes/PlanTitle.ts'
import { Preamble } from './nodes/Preamble.ts'
import { Section } from './nodes/Section.ts'
import { SectionHeading } from './nodes/SectionHeading.ts'
import { Subsection } from './nodes/Subsection.ts'
import { SubsectionHeading } from './nodes/SubsectionHeading.ts'

/** The plan's node types, in one list so that the editor, the server and export share one schema. */
export const planNodes: AnyExtension[] = [PlanDocument, CoverNotice, NoticeLine, PlanTitle, Preamble, Section, SectionHeading, Subsection, SubsectionHeading, Item, ItemTitle, Closing]

/** The plan's only marks: 批注 anchors and 修订 insertions/deletions, each carrying just an id. */
export const planMarks: AnyExtension[] = [CommentMark, InsertionMark, DeletionMark]

/**
 * Every extension of the plan editor that does not need a browser or a provider: the nodes,
 * StarterKit reduced to paragraphs and text (undo comes from Collaboration; bold and italic are off
 * because the plan model, the diff, Plan JSON and the export have no place for them), and
 * the numbering, id and carried-flag plugins, the structure commands and their keymap, one-line
 * pastes into the notice's one-line parts. The client
 * adds collaboration, carets and the drag handle.
 */
export function planExtensions(): AnyExtension[] {
  return [
    ...planNodes,
    ...planMarks,
    StarterKit.configure({
      document: false,
      heading: false,
      blockquote: false,
      bulletList: false,
      orderedList: false,
      listItem: false,
      listKeymap: false,
      codeBlock: false,
      code: false,
      bold: false,
      italic: false,
      horizontalRule: false,
      hardBreak: false,
      strike: false,
      underline: false,
      link: false,
      undoRedo: false,
      trailingNode: false,
      gapcursor: false,
    }),
    Numbering,
    ItemIds,
    CarriedFlag,
    PlanCommands,
    PlanKeymap,
    NoticePaste,
    SuggestMode,
  ]
}

let schema: Schema | undefined

/** The ProseMirror schema of a plan, built once from planExtensions(). */
export function planSchema(): Schema {
  schema ??= getSchema(planExtensions())
  return schema
}
