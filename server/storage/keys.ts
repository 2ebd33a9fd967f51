/** Key of a document's log entry: sequence numbers are zero-padded so that key order is log order. */
export function updateKey(docId: string, seq: number): string {
  return `${docId}!${String(seq).padStart(12, '0')}`
}

/** Sequence number of an update key. */
export function seqOfKey(key: string): number {
  return Number(key.slice(key.lastIndexOf('!') + 1))
}

/** Iterator bounds for every key starting with `prefix` (keys after the prefix are ASCII or BMP text). */
export function prefixRange(prefix: string): { gte: string; lt: string } {
  return { gte: prefix, lt: prefix + '\uffff' }
}

/** Key of a record that belongs to a document, e.g. a member or a version. */
export function docKey(docId: string, id: string | number): string {
  return `${docId}!${id}`
}
