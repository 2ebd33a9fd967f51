import * as Y from 'yjs'
import type { VersionInfo } from '../../shared/api/types.ts'
import { replacePlan } from '../../shared/collab/ydoc.ts'
import { newId } from '../../shared/plan/ids.ts'
import { AppError } from '../AppError.ts'
import type { UserRecord } from '../auth/users.ts'
import { RoomFailed } from '../collab/Room.ts'
import type { Rooms } from '../collab/Rooms.ts'
import type { Storage } from '../storage/Storage.ts'
import { docKey } from '../storage/keys.ts'
import { currentState } from './currentState.ts'
import { planOfState } from './planState.ts'

/** A stored named version: its name, author, time and the history position it was taken at. */
export interface VersionRecord extends VersionInfo {
  seq: number
}

/** Who saves or restores a version (what a call to another process carries of the user). */
export type Author = Pick<UserRecord, 'id' | 'displayName'>

/** In a cluster (server/cluster's OwnerCalls): runs an operation on the process that owns the document. */
export interface OwnerCalls {
  atOwner<T>(docId: string, op: string, args: Record<string, string>, here: () => Promise<T>): Promise<T>
  serve(op: string, handler: (docId: string, args: Record<string, string>) => Promise<unknown>): void
}

/** Name given to the version saved automatically before a restore. */
export const AUTOSAVE_NAME = '恢复前自动保存'

/** Named versions (征求意见稿, 送审稿 …): full states kept beside the history, restorable as a new change. */
export class Versions {
  constructor(
    private readonly storage: Storage,
    private readonly rooms: Rooms,
    /** In a cluster: saving and restoring run on the document's owner, whichever process was asked. */
    private readonly owner?: OwnerCalls,
  ) {
    owner?.serve('version.create', (docId, a) => this.createHere(docId, a.name, { id: a.userId, displayName: a.userName }))
    owner?.serve('version.restore', (docId, a) => this.restoreHere(docId, a.versionId, { id: a.userId, displayName: a.userName }))
  }

  /** A document's versions, oldest first. */
  async list(docId: string): Promise<VersionRecord[]> {
    const rows = await this.storage.list<VersionRecord>('versions', `${docId}!`)
    return rows.map((r) => r.value).sort((a, b) => a.seq - b.seq || a.createdAt.localeCompare(b.createdAt))
  }

  /** Saves the document's current state under a name. */
  async create(docId: string, name: unknown, user: Author): Promise<VersionRecord> {
    const clean = typeof name === 'string' ? name.replace(/\s+/g, ' ').trim() : ''
    if (!clean) throw new AppError('bad-name', '请填写版本名称，例如“征求意见稿”')
    if (clean.length > 60) throw new AppError('bad-name', '版本名称最多 60 个字符')
    if (!this.owner) return this.createHere(docId, clean, user)
    return this.owner.atOwner(docId, 'version.create', { name: clean, userId: user.id, userName: user.displayName }, () => this.createHere(docId, clean, user))
  }

  /** Saves the state this process has: the owner's (PostgreSQL may not hold its last accepted changes yet). */
  private async createHere(docId: string, clean: string, user: Author): Promise<VersionRecord> {
    const { state, seq } = await currentState(this.storage, this.rooms, docId)
    return this.save(docId, clean, user, state ?? Y.encodeStateAsUpdate(new Y.Doc()), seq)
  }

  /** One version's record. */
  async get(docId: string, versionId: string): Promise<VersionRecord> {
    const record = /^[a-z0-9]{1,64}$/.test(versionId) ? await this.storage.get<VersionRecord>('versions', docKey(docId, versionId)) : undefined
    if (!record) throw new AppError('not-found', '版本不存在', 404)
    return record
  }

  /** One version's full Yjs state. */
  async state(docId: string, versionId: string): Promise<Uint8Array> {
    await this.get(docId, versionId)
    const state = await this.storage.getBlob(stateKey(docId, versionId))
    if (!state) throw new AppError('unreadable', '版本内容缺失', 500)
    return state
  }

  /**
   * Makes the document look like a version again, as one new change by `user` that reaches every
   * open editor; the state before is first saved as a version named 恢复前自动保存. Nothing is deleted.
   */
  async restore(docId: string, versionId: string, user: Author): Promise<{ restored: VersionRecord; autosave: VersionRecord; seq: number }> {
    if (!this.owner) return this.restoreHere(docId, versionId, user)
    return this.owner.atOwner(docId, 'version.restore', { versionId, userId: user.id, userName: user.displayName }, () => this.restoreHere(docId, versionId, user))
  }

  private async restoreHere(docId: string, versionId: string, user: Author): Promise<{ restored: VersionRecord; autosave: VersionRecord; seq: number }> {
    const restored = await this.get(docId, versionId)
    const plan = planOfState(await this.state(docId, versionId))
    return this.rooms.use(docId, async (room) => {
      await room.flushed()
      const autosave = await this.save(docId, `${AUTOSAVE_NAME}（恢复“${restored.name}”前）`, user, Y.encodeStateAsUpdate(room.doc), room.seq)
      try {
        room.change(user.id, (doc) => replacePlan(doc, plan, 'restore'))
      } catch (err) {
        if (err instanceof RoomFailed) throw new AppError('store-failed', '恢复未能保存，请稍后重试', 503)
        throw err
      }
      await room.flushed()
      if (room.failed) throw new AppError('store-failed', '恢复未能保存，请稍后重试', 503)
      return { restored, autosave, seq: room.seq }
    })
  }

  private async save(docId: string, name: string, user: Author, state: Uint8Array, seq: number): Promise<VersionRecord> {
    const record: VersionRecord = { id: newId('v'), docId, name, createdAt: new Date().toISOString(), createdBy: { id: user.id, name: user.displayName }, seq }
    await this.storage.write([
      { type: 'putBlob', key: stateKey(docId, record.id), value: state },
      { type: 'put', collection: 'versions', key: docKey(docId, record.id), value: record },
    ])
    return record
  }
}

function stateKey(docId: string, versionId: string): string {
  return `version!${docId}!${versionId}`
}
