// y-leveldb 0.2 ships types but its package "exports" does not point to them; the bench uses only this.
declare module 'y-leveldb' {
  import type * as Y from 'yjs'

  /** LevelDB persistence of y-websocket's classic server (the baseline of the load bench). */
  export class LeveldbPersistence {
    constructor(location: string)
    getYDoc(docName: string): Promise<Y.Doc>
    storeUpdate(docName: string, update: Uint8Array): Promise<number>
    destroy(): Promise<void>
  }
}
