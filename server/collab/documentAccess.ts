import type { DocRole } from '../../shared/api/types.ts'
import type { UserRecord } from '../auth/users.ts'

/** The part of a stored document the websocket endpoint reads. */
export interface AccessibleDocument {
  archived: boolean
  /** 'final' (定稿): updates are dropped (shared/api/status.ts). */
  status?: string
}

/**
 * What the websocket endpoint needs of the documents service; server/docs' Documents provides it.
 * Declared here because docs builds on collab's rooms (versions, visits), so collab must not import docs.
 */
export interface DocumentAccess {
  /** The stored document, or undefined when there is none. */
  get(id: string): Promise<AccessibleDocument | undefined>
  /** The user's role on a document that get() returned; undefined when they have none. */
  roleOf(user: UserRecord, doc: AccessibleDocument): Promise<DocRole | undefined>
  /** Calls the listener whenever a document's roles or archived flag change; returns the unsubscribe. */
  onAccessChange(listener: (docId: string) => Promise<void> | void): () => void
}
