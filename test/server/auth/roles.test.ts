import { describe, expect, it } from 'vitest'
import type { ApiError, DocumentInfo, MemberInfo } from '../../../shared/api/types.ts'
import { docKey } from '../../../server/storage/keys.ts'
import { connectClient } from '../../utils/collabClient.ts'
import { textIn } from '../../utils/planText.ts'
import { closeCodeFor } from '../../utils/rawSocket.ts'
import { startTestServer } from '../../utils/testServer.ts'
import { waitForDoc } from '../../utils/waitFor.ts'

const PROTOTYPE_KEYS = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'isPrototypeOf', 'Owner', ' editor']

describe('document roles', () => {
  it('refuses every role name but the four, prototype keys included, with a Chinese message', async () => {
    const server = await startTestServer()
    const doc = await server.createDocument()
    const { user } = await server.createUser('lina')
    for (const role of PROTOTYPE_KEYS) {
      const res = await server.api<ApiError>('PUT', `/api/documents/${doc.id}/members/${user.id}`, { token: server.admin.token, body: { role } })
      expect(res.status, role).toBe(400)
      expect(res.body.error.message).toBe('角色只能是 owner、editor、reviewer 或 viewer')
    }
    const members = await server.api<MemberInfo[]>('GET', `/api/documents/${doc.id}/members`, { token: server.admin.token })
    expect(members.body.map((m) => m.userId)).not.toContain(user.id)
  })

  it('refuses a prototype key as the role for everyone', async () => {
    const server = await startTestServer()
    const doc = await server.createDocument()
    for (const everyone of ['constructor', 'toString', '__proto__', 'owner']) {
      const res = await server.api<ApiError>('PATCH', `/api/documents/${doc.id}`, { token: server.admin.token, body: { everyone } })
      expect(res.status, everyone).toBe(400)
    }
  })

  it('grants nothing for a stored role that is a prototype key: no sync over the websocket, 403 over HTTP', async () => {
    const server = await startTestServer()
    const { token: ownerToken } = await server.createUser('owner1')
    const doc = await server.createDocument(ownerToken)
    const { user, token } = await server.createUser('mallory')
    for (const role of ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__']) {
      // As an older server would have stored it.
      await server.services.storage.write([{ type: 'put', collection: 'members', key: docKey(doc.id, user.id), value: { role, addedAt: new Date().toISOString() } }])
      expect(await closeCodeFor(server, doc.id, token), role).toBe(4403)
      expect((await server.api('GET', `/api/documents/${doc.id}`, { token })).status, role).toBe(403)
      const list = await server.api<DocumentInfo[]>('GET', '/api/documents', { token })
      expect(list.body.map((d) => d.id)).not.toContain(doc.id)
    }
  })

  it('keeps an administrator owner of a document whose owner made them a viewer', async () => {
    const server = await startTestServer()
    const { token: ownerToken } = await server.createUser('owner2')
    const doc = await server.createDocument(ownerToken)
    const demote = await server.api('PUT', `/api/documents/${doc.id}/members/${server.admin.user.id}`, { token: ownerToken, body: { role: 'viewer' } })
    expect(demote.status).toBe(200)

    const info = await server.api<DocumentInfo>('GET', `/api/documents/${doc.id}`, { token: server.admin.token })
    expect(info.body.role).toBe('owner')
    const rename = await server.api('PATCH', `/api/documents/${doc.id}`, { token: server.admin.token, body: { title: '管理员改名' } })
    expect(rename.status).toBe(200)

    const admin = await connectClient(server, doc.id, server.admin.token)
    const owner = await connectClient(server, doc.id, ownerToken)
    textIn(admin.doc, 'itemTitle', 0).insert(0, '管理员')
    await waitForDoc(owner.doc, (d) => textIn(d, 'itemTitle', 0).toString().startsWith('管理员'))
    admin.close()
    owner.close()
  })
})
