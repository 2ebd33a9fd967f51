import { randomBytes } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ownerOnlyFile } from '../storage/ownerOnly.ts'

/** File in the data folder holding the key that signs session tokens. */
export const SECRET_FILE = 'secret.key'

/**
 * The server's signing key: read from DATA_DIR/secret.key, generated there once on first start
 * (0600; a key file that other users could read is narrowed to 0600).
 */
export function loadSecret(dataDir: string): Buffer {
  const path = join(dataDir, SECRET_FILE)
  try {
    const hex = readFileSync(path, 'utf8').trim()
    if (/^[0-9a-f]{64}$/.test(hex)) {
      ownerOnlyFile(path)
      return Buffer.from(hex, 'hex')
    }
    throw new Error(`签名密钥文件已损坏：${path}`)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
  }
  const secret = randomBytes(32)
  // 'wx' fails when another process created the file meanwhile instead of overwriting its key.
  writeFileSync(path, secret.toString('hex') + '\n', { mode: 0o600, flag: 'wx' })
  return secret
}
