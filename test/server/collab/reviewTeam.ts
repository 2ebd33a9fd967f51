import { connectClient, type TestClient } from '../../utils/collabClient.ts'
import { startTestServer, type TestServer } from '../../utils/testServer.ts'

/** A server with the district seed shared with a reviewer (沈悦) and an editor (编辑), each connected. */
export interface ReviewTeam {
  server: TestServer
  docId: string
  editor: TestClient
  reviewer: TestClient
  reviewerId: string
  editorId: string
}

/** Starts a server, a document, a reviewer and an editor on it, both connected and synced. */
export async function startReviewTeam(): Promise<ReviewTeam> {
  const server = await startTestServer()
  const doc = await server.createDocument()
  const rev = await server.createUser('shenyue')
  await server.share(doc.id, rev.user.id, 'reviewer')
  const ed = await server.createUser('bianji')
  await server.share(doc.id, ed.user.id, 'editor')
  const editor = await connectClient(server, doc.id, ed.token)
  const reviewer = await connectClient(server, doc.id, rev.token)
  return { server, docId: doc.id, editor, reviewer, reviewerId: rev.user.id, editorId: ed.user.id }
}
