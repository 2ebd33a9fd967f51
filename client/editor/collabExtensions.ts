import type { AnyExtension } from '@tiptap/core'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import { PLAN_FIELD } from '../../shared/collab/ydoc.ts'
import { BreakdownLine } from '../components/breakdown/breakdownLine.ts'
import type { CollabDoc } from '../hooks/useCollabDoc.ts'
import { EmptyHints } from './EmptyHints.ts'
import { GuidanceNotes } from './GuidanceNotes.ts'
import { ItemDragHandle } from './ItemDragHandle.ts'
import { MinimalRemoteStep } from './MinimalRemoteStep.ts'
import { PastePlan } from './PastePlan.ts'
import { QuietFirstRender } from './QuietFirstRender.ts'
import { renderCaret, renderSelection } from './renderCaret.ts'
import { SelectionFromDom } from './SelectionFromDom.ts'

/** Who the local user is to collaborators: shown on their caret and in the list of who is here. */
export interface CaretUser {
  id: string
  name: string
  color: string
}

/**
 * The browser-only extensions of the editor: the shared Y.Doc (with undo limited to this user's
 * own changes), collaborators' carets, the item drag handle, template guidance notes and
 * hints in empty headings, a quiet first render (no console warning), and keys that act at the
 * browser's caret even before it reports a move, a collaborator's change applied as a step over
 * just what changed (MinimalRemoteStep), and paste that reads numbered text from Word, WPS
 * and web pages as sections and items.
 */
export function collabExtensions(collab: CollabDoc, user: CaretUser): AnyExtension[] {
  return [
    Collaboration.configure({ document: collab.ydoc, field: PLAN_FIELD }),
    MinimalRemoteStep,
    CollaborationCaret.configure({ provider: collab.provider, user, render: renderCaret, selectionRender: renderSelection }),
    ItemDragHandle,
    GuidanceNotes,
    BreakdownLine.configure({ ydoc: collab.ydoc }),
    EmptyHints,
    QuietFirstRender,
    SelectionFromDom,
    PastePlan,
  ]
}
