/**
 * The one storage interface of the server. Metadata lives in named collections of JSON records,
 * large binary values (version states, snapshots) in blobs, and every document's accepted Yjs
 * updates in an append-only log with sequence numbers: the authored history. A server database
 * can replace the LevelDB implementation by implementing this interface.
 */
export interface Storage {
  /** One record, or undefined. */
  get<T>(collection: Collection, key: string): Promise<T | undefined>
  /** Records whose key starts with `prefix`, in key order. */
  list<T>(collection: Collection, prefix?: string): Promise<Array<{ key: string; value: T }>>
  /** One blob, or undefined. */
  getBlob(key: string): Promise<Uint8Array | undefined>
  /** Applies all operations atomically: after a crash either all of them are there or none. */
  write(ops: WriteOp[]): Promise<void>
  /**
   * Appends updates to a document's log with the next sequence numbers, atomically together with
   * `ops`; resolves once they are durable against a crash of the process.
   */
  appendUpdates(docId: string, updates: NewUpdate[], ops?: WriteOp[]): Promise<StoredUpdate[]>
  /** Log entries with `after < seq <= upTo`, in order. */
  readUpdates(docId: string, range?: { after?: number; upTo?: number }): Promise<StoredUpdate[]>
  /** Highest sequence number in a document's log (0 when empty). */
  lastSeq(docId: string): Promise<number>
  /** Flushes and closes; later calls fail. */
  close(): Promise<void>
}

/** Names of the metadata collections. */
export type Collection =
  'users' | 'userNames' | 'sessions' | 'documents' | 'activity' | 'members' | 'versions' | 'visits' | 'clients' | 'config' | 'statusChanges' | 'signIns' | 'accessRequests' | 'progress' | 'mentions'

/** One operation of an atomic write. */
export type WriteOp =
  | { type: 'put'; collection: Collection; key: string; value: unknown }
  | { type: 'del'; collection: Collection; key: string }
  | { type: 'putBlob'; key: string; value: Uint8Array }
  | { type: 'delBlob'; key: string }
  | { type: 'putUpdate'; docId: string; entry: StoredUpdate }
  | { type: 'delUpdate'; docId: string; seq: number }

/** An accepted Yjs update with its author, before it has a sequence number. */
export interface NewUpdate {
  userId: string
  /** Milliseconds since the epoch. */
  at: number
  update: Uint8Array
  /** Yjs client ids whose structs the update holds. */
  clients: number[]
}

/** A stored log entry; compaction may merge consecutive entries of one user into one. */
export interface StoredUpdate extends NewUpdate {
  seq: number
  /** First sequence number merged into this entry (= seq when not compacted). */
  firstSeq: number
  /** Time of the first merged update. */
  firstAt: number
  /** Number of updates merged into this entry. */
  count: number
}

/** Thrown when the data folder is held by another process (a running server). */
export class StorageLockedError extends Error {
  constructor(readonly dir: string) {
    super(`数据目录正被另一个进程（运行中的服务器）使用：${dir}`)
    this.name = 'StorageLockedError'
  }
}
