import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { PLAN_FIELD } from '../../shared/collab/ydoc.ts'

/** A y-websocket client in Node, synced with one document. */
export interface TestClient {
  doc: Y.Doc
  provider: WebsocketProvider
  /** The plan's Y.XmlFragment (the editor's Collaboration field). */
  fragment: Y.XmlFragment
  /** Resolves with the code and reason when the server closes the socket for good (44xx). */
  closed: Promise<{ code: number; reason: string }>
  /** Disconnects and frees the provider. */
  close(): void
}

/** The server closed a client for good before it synced (bad token → 4401, no access → 4403 …). */
export class ClosedBeforeSync extends Error {
  constructor(readonly code: number) {
    super(`closed with ${code} before sync`)
  }
}

/**
 * Connects a real y-websocket WebsocketProvider (with the `ws` package as WebSocket) to a test
 * server's document and resolves once it has synced; rejects with ClosedBeforeSync when the
 * server refuses it. Pass `doc` to reconnect an existing Y.Doc.
 */
export async function connectClient(server: { collabUrl: string }, docId: string, token: string, options: { doc?: Y.Doc; timeout?: number } = {}): Promise<TestClient> {
  const doc = options.doc ?? new Y.Doc()
  const provider = new WebsocketProvider(server.collabUrl, docId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  })
  const closed = new Promise<{ code: number; reason: string }>((resolve) => provider.on('closed', (event) => resolve(event)))
  const client: TestClient = { doc, provider, fragment: doc.getXmlFragment(PLAN_FIELD), closed, close: () => provider.destroy() }
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      provider.destroy()
      reject(new Error(`client for ${docId} did not sync within ${options.timeout ?? 10_000} ms`))
    }, options.timeout ?? 10_000)
    if (provider.synced) {
      clearTimeout(timer)
      return resolve()
    }
    provider.on('sync', (synced: boolean) => {
      if (!synced) return
      clearTimeout(timer)
      resolve()
    })
    void closed.then(({ code }) => {
      clearTimeout(timer)
      provider.destroy()
      reject(new ClosedBeforeSync(code))
    })
  })
  return client
}

/** Resolves once the client is synced again (e.g. after the server restarted). */
export function waitForSync(client: TestClient, timeout = 15_000): Promise<void> {
  if (client.provider.synced && client.provider.wsconnected) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('client did not sync again')), timeout)
    const onSync = (synced: boolean): void => {
      if (!synced) return
      clearTimeout(timer)
      client.provider.off('sync', onSync)
      resolve()
    }
    client.provider.on('sync', onSync)
  })
}
