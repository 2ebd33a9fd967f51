// Documents and edits shared by the review route tests: seed 000 as a prior-year plan and its carried-forward draft.
import type { CreateDocumentResponse, DocumentInfo, UserInfo, VersionInfo } from '../../../shared/api/types.ts'
import { toPlanJson } from '../../../shared/plan/planJson.ts'
import type { TestClient } from '../../utils/collabClient.ts'
import { textIn } from '../../utils/planText.ts'
import { districtSeed } from '../../utils/seeds.ts'
import type { TestServer } from '../../utils/testServer.ts'
import { waitForDoc } from '../../utils/waitFor.ts'

/** A signed-in test user. */
export interface Person {
  user: UserInfo
  token: string
}

/** Seed 000 imported as a prior-year plan (kind prior), owned by `owner`. */
export function createPrior(server: TestServer, owner: Person): Promise<DocumentInfo> {
  const base64 = Buffer.from(JSON.stringify(toPlanJson(districtSeed()))).toString('base64')
  return server.createDocument(owner.token, { import: { filename: '2021年下半年闵行教育工作要点.json', base64 }, kind: 'prior' })
}

/** A draft carried forward from `prior` by `owner` (it keeps every section and item id and links back as priorId). */
export async function carryForward(server: TestServer, owner: Person, prior: DocumentInfo): Promise<DocumentInfo> {
  const res = await server.api<CreateDocumentResponse>('POST', '/api/documents', { token: owner.token, body: { carryFrom: prior.id } })
  if (res.status !== 201) throw new Error(`carry forward failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.document
}

/** Saves a named version of a document. */
export async function saveVersion(server: TestServer, token: string, docId: string, name: string): Promise<VersionInfo> {
  const res = await server.api<VersionInfo>('POST', `/api/documents/${docId}/versions`, { token, body: { name } })
  if (res.status !== 201) throw new Error(`save version failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}

/**
 * Types `text` at the start of the n-th (0-based) item's lead sentence and waits until `watcher`
 * saw it: the server stores before it broadcasts, so the change is then stored.
 */
export async function prependToItem(client: TestClient, watcher: TestClient, n: number, text: string): Promise<void> {
  const title = textIn(client.doc, 'itemTitle', n)
  title.insert(0, text)
  const expected = title.toString()
  await waitForDoc(watcher.doc, (d) => textIn(d, 'itemTitle', n).toString() === expected)
}
