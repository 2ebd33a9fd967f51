import * as buf from 'lib0/buffer'
import * as sha256 from 'lib0/hash/sha256'

/**
 * The Yjs formatting key under which y-tiptap stores a `comment` mark with this id:
 * `comment--<hash of the mark's JSON>` (the mark may overlap itself, so y-tiptap hashes it; see
 * marksToAttributes in @tiptap/y-tiptap). The server uses it to mark words the same way an editor
 * would, so that editors read and later rewrite that text without a stray attribute.
 */
export function commentMarkKey(id: string): string {
  const digest = sha256.digest(buf.encodeAny({ type: 'comment', attrs: { id } }))
  // y-tiptap's _convolute: fold the digest into its first 6 bytes.
  const N = 6
  for (let i = N; i < digest.length; i++) digest[i % N] = digest[i % N] ^ digest[i]
  return `comment--${buf.toBase64(digest.slice(0, N))}`
}
