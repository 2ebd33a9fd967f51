import * as Y from 'yjs'
import { PLAN_FIELD } from '../../../shared/collab/ydoc.ts'
import { readClientMessage, syncStep1Message, updateMessage } from '../../../server/collab/protocol.ts'
import { openSocket, type RawSocket } from '../../utils/rawSocket.ts'

/**
 * A Yjs document on a raw socket: it syncs once and then sends its own changes, but unlike
 * y-websocket it never reconnects and never resends, so a test sees exactly what the server kept.
 */
export interface RawEditor {
  raw: RawSocket
  doc: Y.Doc
}

/** Opens a raw socket to the document, syncs a fresh Y.Doc from the server and resolves once it has the document. */
export async function openRawEditor(server: { collabUrl: string }, docId: string, token: string): Promise<RawEditor> {
  const doc = new Y.Doc()
  doc.getXmlFragment(PLAN_FIELD)
  const raw = openSocket(server, docId, token)
  const synced = new Promise<void>((resolve, reject) => {
    raw.ws.on('message', (data: Buffer) => {
      // Server frames have the client frames' shape: sync step 1/2, update, awareness.
      const msg = readClientMessage(new Uint8Array(data))
      if (msg.kind === 'sync-step2' || msg.kind === 'update') Y.applyUpdate(doc, msg.update, 'remote')
      if (msg.kind === 'sync-step2') resolve()
    })
    void raw.closed.then(({ code }) => reject(new Error(`closed with ${code} before sync`)))
  })
  await raw.opened
  raw.send(syncStep1Message(doc))
  await synced
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') raw.send(updateMessage(update))
  })
  return { raw, doc }
}
