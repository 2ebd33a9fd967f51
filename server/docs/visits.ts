import type { VisitInfo, VisitResponse } from '../../shared/api/visits.ts'
import type { Rooms } from '../collab/Rooms.ts'
import type { Storage } from '../storage/Storage.ts'
import { docKey } from '../storage/keys.ts'

/** Per user and document, the history position of the last visit: the base of "what changed since I was here". */
export class Visits {
  constructor(
    private readonly storage: Storage,
    private readonly rooms: Rooms,
  ) {}

  /** Records a visit now and returns it with the previous one. */
  async record(docId: string, userId: string): Promise<VisitResponse> {
    const previous = await this.last(docId, userId)
    const room = this.rooms.get(docId)
    const seq = room ? room.seq : await this.storage.lastSeq(docId)
    const current: VisitInfo = { seq, at: new Date().toISOString() }
    await this.storage.write([{ type: 'put', collection: 'visits', key: docKey(docId, userId), value: current }])
    return previous ? { current, previous } : { current }
  }

  /** The user's last recorded visit. */
  last(docId: string, userId: string): Promise<VisitInfo | undefined> {
    return this.storage.get<VisitInfo>('visits', docKey(docId, userId))
  }
}
