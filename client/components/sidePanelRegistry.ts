import type { Editor } from '@tiptap/core'
import type { ComponentType } from 'react'
import type { DocumentInfo } from '../../shared/api/types.ts'
import type { Session } from '../api/session.ts'
import type { CollabDoc } from '../hooks/useCollabDoc.ts'

/** What every side panel tab receives: the live editor, the document and what the user may do. */
export interface SidePanelContext {
  editor: Editor
  docId: string
  document: DocumentInfo | null
  canEdit: boolean
  session: Session
  collab: CollabDoc
}

/** A tab of the right-hand panel (版本, 审阅, 检查, 对照 …). */
export interface SidePanelTab {
  id: string
  title: string
  /** Tabs are shown in ascending order. */
  order: number
  Component: ComponentType<SidePanelContext>
  /** Hide the tab for some documents or roles. @default always shown */
  visible?: (ctx: SidePanelContext) => boolean
}

const tabs = new Map<string, SidePanelTab>()

/**
 * Adds a tab to the editor's side panel. Panels register themselves in client/components/sidePanels.ts,
 * so a new panel (review diff, checks, alignment) is one file and one import line.
 */
export function registerSidePanelTab(tab: SidePanelTab): void {
  tabs.set(tab.id, tab)
}

/** The registered tabs, in order. */
export function sidePanelTabs(): SidePanelTab[] {
  return [...tabs.values()].sort((a, b) => a.order - b.order)
}
