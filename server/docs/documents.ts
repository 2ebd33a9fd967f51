import type { PlanStatus } from '../../shared/api/status.ts'
import type { DocRole, DocumentInfo, DocumentKind, DocumentSource, MemberInfo, SharedRole, UpdateDocumentRequest } from '../../shared/api/types.ts'
import { newId } from '../../shared/plan/ids.ts'
import type { Plan, PlanLevel } from '../../shared/plan/types.ts'
import { AppError } from '../AppError.ts'
import type { UserRecord, Users } from '../auth/users.ts'
import type { Storage, WriteOp } from '../storage/Storage.ts'
import { docKey } from '../storage/keys.ts'
import type { FirstState } from '../import/firstState.ts'
import { stateOfPlan } from './planState.ts'
import { assertNotFinal } from './status.ts'
import { atLeast, isDocRole } from './roles.ts'

/** A document's server metadata. */
export interface DocumentRecord {
  id: string
  title: string
  kind: DocumentKind
  level?: PlanLevel
  year?: number
  priorId?: string
  municipalId?: string
  carriedFrom?: string
  archived: boolean
  createdAt: string
  createdBy: string
  everyone?: SharedRole
  /** Absent: 起草 (see server/docs/status.ts). */
  status?: PlanStatus
  /** How it was made; absent on records older than this field. */
  source?: DocumentSource
}

/** What a new document starts from. */
export interface NewDocument {
  plan: Plan
  kind: DocumentKind
  title?: string
  priorId?: string
  municipalId?: string
  carriedFrom?: string
  everyone?: SharedRole
  source?: DocumentSource
  /** The plan's first state when already built (by the import worker); otherwise built here. */
  state?: FirstState
}

interface MemberRecord {
  role: DocRole
  addedAt: string
}

const KINDS: DocumentKind[] = ['draft', 'prior', 'reference']

/** Documents' metadata, members and roles. Every check of "may this user do that" goes through here. */
export class Documents {
  private readonly accessListeners = new Set<(docId: string) => Promise<void> | void>()

  constructor(
    private readonly storage: Storage,
    private readonly users: Users,
  ) {}

  /** A document's record. */
  get(id: string): Promise<DocumentRecord | undefined> {
    return /^[a-z0-9]{1,64}$/.test(id) ? this.storage.get<DocumentRecord>('documents', id) : Promise.resolve(undefined)
  }

  /**
   * The user's role on a document: owner for admins whatever their membership says (an owner must
   * not lock an administrator out), then membership, then the document's role for everyone. A
   * stored value that is not one of the four roles grants nothing.
   */
  async roleOf(user: UserRecord, doc: DocumentRecord): Promise<DocRole | undefined> {
    if (user.role === 'admin') return 'owner'
    const member = await this.storage.get<MemberRecord>('members', docKey(doc.id, user.id))
    if (member) return isDocRole(member.role) ? member.role : undefined
    return isSharedRole(doc.everyone) ? doc.everyone : undefined
  }

  /** The document and the user's role, when the role is at least `need`; AppError 404/403 otherwise. */
  async access(user: UserRecord, id: string, need: DocRole): Promise<{ doc: DocumentRecord; role: DocRole }> {
    const doc = await this.get(id)
    if (!doc) throw new AppError('not-found', '文档不存在', 404)
    const role = await this.roleOf(user, doc)
    if (!role) throw new AppError('forbidden', '您没有访问此文档的权限', 403)
    if (!atLeast(role, need)) throw new AppError('forbidden', needMessage(need), 403)
    return { doc, role }
  }

  /** The record and write operations of a new document owned by `owner`, its plan stored as update 1. */
  prepare(input: NewDocument, owner: UserRecord): { doc: DocumentRecord; ops: WriteOp[] } {
    if (!KINDS.includes(input.kind)) throw new AppError('bad-kind', '文档类型只能是 draft、prior 或 reference')
    const now = new Date()
    const doc: DocumentRecord = {
      id: newId('d'),
      title: cleanTitle(input.title ?? input.plan.title) || '未命名计划',
      kind: input.kind,
      archived: false,
      createdAt: now.toISOString(),
      createdBy: owner.id,
    }
    if (input.plan.meta.level) doc.level = input.plan.meta.level
    if (input.plan.meta.year !== undefined) doc.year = input.plan.meta.year
    if (input.priorId) doc.priorId = input.priorId
    if (input.municipalId) doc.municipalId = input.municipalId
    if (input.carriedFrom) doc.carriedFrom = input.carriedFrom
    if (isSharedRole(input.everyone)) doc.everyone = input.everyone
    if (input.source) doc.source = input.source
    const { update, client } = input.state ?? stateOfPlan(input.plan)
    const at = now.getTime()
    const ops: WriteOp[] = [
      { type: 'put', collection: 'documents', key: doc.id, value: doc },
      { type: 'put', collection: 'members', key: docKey(doc.id, owner.id), value: { role: 'owner', addedAt: doc.createdAt } satisfies MemberRecord },
      { type: 'putUpdate', docId: doc.id, entry: { seq: 1, firstSeq: 1, count: 1, at, firstAt: at, userId: owner.id, clients: [client], update } },
      { type: 'put', collection: 'clients', key: docKey(doc.id, client), value: owner.id },
    ]
    return { doc, ops }
  }

  /** Creates a document in one atomic write: metadata, owner and first state together, or nothing. */
  async create(input: NewDocument, owner: UserRecord): Promise<DocumentRecord> {
    await this.checkLinks(owner, input.priorId, input.municipalId)
    const { doc, ops } = this.prepare(input, owner)
    await this.storage.write(ops)
    return doc
  }

  /** The API view of a document for a caller with `role`: with its last change, creator and owners named, and its source. */
  async info(doc: DocumentRecord, role: DocRole): Promise<DocumentInfo> {
    const activity = await this.storage.get<{ updatedAt: string }>('activity', doc.id)
    const owners = (await this.storage.list<MemberRecord>('members', `${doc.id}!`)).filter((r) => r.value.role === 'owner')
    const ownerNames: string[] = []
    for (const row of owners) {
      const owner = await this.users.get(row.key.slice(doc.id.length + 1))
      if (owner) ownerNames.push(owner.displayName)
    }
    const info: DocumentInfo = { ...doc, updatedAt: activity?.updatedAt ?? doc.createdAt, role, ownerNames }
    const creator = await this.users.get(doc.createdBy)
    if (creator) info.creatorName = creator.displayName
    // Records made before sources were kept: a carried one still says so.
    if (!info.source && doc.carriedFrom) info.source = { kind: 'carry' }
    return info
  }

  /** The documents a user may open, newest change first; archived ones only when asked. */
  async list(user: UserRecord, archived: boolean): Promise<DocumentInfo[]> {
    const rows = await this.storage.list<DocumentRecord>('documents')
    const out: DocumentInfo[] = []
    for (const { value: doc } of rows) {
      if (doc.archived !== archived) continue
      const role = await this.roleOf(user, doc)
      if (role) out.push(await this.info(doc, role))
    }
    return out.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
  }

  /** Applies a PATCH: editors rename and link, owners archive and share with everyone. */
  async update(user: UserRecord, id: string, patch: UpdateDocumentRequest): Promise<DocumentInfo> {
    const ownerOnly = patch.archived !== undefined || patch.everyone !== undefined
    const { doc, role } = await this.access(user, id, ownerOnly ? 'owner' : 'editor')
    const next: DocumentRecord = { ...doc }
    if (patch.title !== undefined) {
      assertNotFinal(doc)
      const title = typeof patch.title === 'string' ? cleanTitle(patch.title) : ''
      if (!title) throw new AppError('bad-title', '标题不能为空')
      next.title = title
    }
    if (patch.archived !== undefined) {
      if (typeof patch.archived !== 'boolean') throw new AppError('bad-request', 'archived 只能是 true 或 false')
      next.archived = patch.archived
    }
    if (patch.everyone !== undefined) {
      if (patch.everyone === null) delete next.everyone
      else if (isSharedRole(patch.everyone)) next.everyone = patch.everyone
      else throw new AppError('bad-role', '全员角色只能是 editor、reviewer、viewer 或 null')
    }
    for (const key of ['priorId', 'municipalId'] as const) {
      const value = patch[key]
      if (value === undefined) continue
      if (value === null) delete next[key]
      else {
        if (value === id) throw new AppError('bad-link', '文档不能与自身对照')
        await this.checkLinks(user, key === 'priorId' ? value : undefined, key === 'municipalId' ? value : undefined)
        next[key] = value
      }
    }
    await this.storage.write([{ type: 'put', collection: 'documents', key: id, value: next }])
    // Open editors learn every change at once: access, and the title and links their panels show.
    if ((['archived', 'everyone', 'title', 'priorId', 'municipalId'] as const).some((k) => next[k] !== doc[k])) await this.accessChanged(id)
    return this.info(next, role)
  }

  /** The members of a document. */
  async members(id: string): Promise<MemberInfo[]> {
    const rows = await this.storage.list<MemberRecord>('members', `${id}!`)
    const out: MemberInfo[] = []
    for (const row of rows) {
      const user = await this.users.get(row.key.slice(id.length + 1))
      if (user && isDocRole(row.value.role)) out.push({ userId: user.id, name: user.name, displayName: user.displayName, role: row.value.role })
    }
    return out
  }

  /** Gives a user a role on a document (owners only; checked by the caller). */
  async setMember(id: string, userId: string, role: unknown): Promise<MemberInfo> {
    if (!isDocRole(role)) throw new AppError('bad-role', '角色只能是 owner、editor、reviewer 或 viewer')
    const user = await this.users.get(userId)
    if (!user) throw new AppError('no-user', '用户不存在', 404)
    if (role !== 'owner') await this.keepAnOwner(id, userId)
    await this.storage.write([{ type: 'put', collection: 'members', key: docKey(id, userId), value: { role, addedAt: new Date().toISOString() } satisfies MemberRecord }])
    await this.accessChanged(id)
    return { userId, name: user.name, displayName: user.displayName, role }
  }

  /** Removes a user from a document's members. */
  async removeMember(id: string, userId: string): Promise<void> {
    const existing = await this.storage.get<MemberRecord>('members', docKey(id, userId))
    if (!existing) throw new AppError('not-member', '该用户不是此文档的成员', 404)
    await this.keepAnOwner(id, userId)
    await this.storage.write([{ type: 'del', collection: 'members', key: docKey(id, userId) }])
    await this.accessChanged(id)
  }

  /** Calls `listener` whenever who may open a document or its record changed (members, archive, everyone, title, links, status); the change's request waits for it. */
  onAccessChange(listener: (docId: string) => Promise<void> | void): () => void {
    this.accessListeners.add(listener)
    return () => this.accessListeners.delete(listener)
  }

  /** Tells the access listeners (open sockets) that a document's record changed, e.g. its status. */
  recordChanged(docId: string): Promise<void> {
    return this.accessChanged(docId)
  }

  private async accessChanged(docId: string): Promise<void> {
    await Promise.all([...this.accessListeners].map((listener) => listener(docId)))
  }

  private async keepAnOwner(id: string, leaving: string): Promise<void> {
    const owners = (await this.storage.list<MemberRecord>('members', `${id}!`)).filter((r) => r.value.role === 'owner')
    if (owners.length === 1 && owners[0].key === docKey(id, leaving)) throw new AppError('last-owner', '文档至少需要一位所有者', 409)
  }

  private async checkLinks(user: UserRecord, priorId?: string, municipalId?: string): Promise<void> {
    for (const [linked, label] of [
      [priorId, '上一年度计划'],
      [municipalId, '市级计划'],
    ] as const) {
      if (linked === undefined) continue
      if (typeof linked !== 'string') throw new AppError('bad-link', `${label}的文档编号无效`)
      const doc = await this.get(linked)
      if (!doc || !(await this.roleOf(user, doc))) throw new AppError('bad-link', `找不到作为${label}的文档`, 400)
    }
  }
}

/** True for the three roles a document may give everyone (never owner, never a prototype key). */
function isSharedRole(value: unknown): value is SharedRole {
  return isDocRole(value) && value !== 'owner'
}

function cleanTitle(title: string): string {
  return title.replace(/\s+/g, ' ').trim().slice(0, 200)
}

function needMessage(need: DocRole): string {
  switch (need) {
    case 'owner':
      return '只有文档所有者可以这样做'
    case 'editor':
      return '您只能查看此文档，不能修改'
    default:
      return '您没有访问此文档的权限'
  }
}
