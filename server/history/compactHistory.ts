import * as Y from 'yjs'
import type { Storage, StoredUpdate, WriteOp } from '../storage/Storage.ts'

/** How compaction groups a document's log. */
export interface CompactOptions {
  /** Consecutive updates of one user closer than this are merged. @default 5 minutes */
  windowMs?: number
  /** A merged entry never spans more than this. @default 1 hour */
  maxSpanMs?: number
  /** Sequence numbers no merge may cross (named versions, visits): entries ≤ b and > b stay apart. */
  boundaries?: number[]
  /** Only entries up to this sequence number are touched. */
  upTo?: number
}

/**
 * Merges runs of consecutive updates by the same user (Y.mergeUpdates) so that the log stays
 * small while "who wrote what" survives: a merged entry keeps its user, first and last time, the
 * sequence range and the count. One atomic write; returns the entry counts before and after.
 */
export async function compactHistory(storage: Storage, docId: string, options: CompactOptions = {}): Promise<{ before: number; after: number }> {
  const windowMs = options.windowMs ?? 5 * 60_000
  const maxSpanMs = options.maxSpanMs ?? 3600_000
  const boundaries = [...(options.boundaries ?? [])].sort((a, b) => a - b)
  const entries = await storage.readUpdates(docId, { upTo: options.upTo })
  const groups: StoredUpdate[][] = []
  for (const entry of entries) {
    const group = groups[groups.length - 1]
    const prev = group?.[group.length - 1]
    const joins = prev !== undefined && prev.userId === entry.userId && entry.firstAt - prev.at <= windowMs && entry.at - group[0].firstAt <= maxSpanMs && !crosses(boundaries, prev.seq, entry.seq)
    if (joins) group.push(entry)
    else groups.push([entry])
  }
  const ops: WriteOp[] = []
  for (const group of groups) {
    if (group.length < 2) continue
    const last = group[group.length - 1]
    const merged: StoredUpdate = {
      seq: last.seq,
      firstSeq: group[0].firstSeq,
      at: last.at,
      firstAt: group[0].firstAt,
      count: group.reduce((n, e) => n + e.count, 0),
      userId: last.userId,
      clients: [...new Set(group.flatMap((e) => e.clients))],
      update: Y.mergeUpdates(group.map((e) => e.update)),
    }
    for (const e of group.slice(0, -1)) ops.push({ type: 'delUpdate', docId, seq: e.seq })
    ops.push({ type: 'putUpdate', docId, entry: merged })
  }
  await storage.write(ops)
  return { before: entries.length, after: groups.length }
}

/** True when a boundary b lies with prevSeq ≤ b < seq. */
function crosses(boundaries: number[], prevSeq: number, seq: number): boolean {
  return boundaries.some((b) => b >= prevSeq && b < seq)
}
