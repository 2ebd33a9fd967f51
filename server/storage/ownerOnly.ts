import { chmodSync, mkdirSync, statSync } from 'node:fs'

/** Permission bits other users could use (group and others). */
const SHARED_BITS = 0o077

/**
 * Creates a folder (and missing parents) that only its owner may open (0700), or narrows an
 * existing one that others could read: the data folder holds the signing key, the write-ahead
 * log and the database. Returns true when it had to narrow an existing folder.
 */
export function ownerOnlyDir(path: string): boolean {
  mkdirSync(path, { recursive: true, mode: 0o700 })
  return narrow(path, 0o700)
}

/** Narrows an existing file to owner read/write (0600) when others could read it; true when it did. */
export function ownerOnlyFile(path: string): boolean {
  return narrow(path, 0o600)
}

function narrow(path: string, mode: number): boolean {
  if ((statSync(path).mode & SHARED_BITS) === 0) return false
  chmodSync(path, mode)
  return true
}
