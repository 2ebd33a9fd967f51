import * as decoding from 'lib0/decoding'

/**
 * Reads, from an awareness message's payload (without consuming it), the `field` number in the
 * state of one client, or null when the message does not carry that client's state.
 */
export function ownAwarenessSeq(decoder: decoding.Decoder, clientId: number, field: string): number | null {
  try {
    const d = decoding.createDecoder(decoding.readVarUint8Array(decoding.clone(decoder)))
    const entries = decoding.readVarUint(d)
    for (let i = 0; i < entries; i++) {
      const client = decoding.readVarUint(d)
      decoding.readVarUint(d)
      const state: unknown = JSON.parse(decoding.readVarString(d))
      if (client !== clientId || typeof state !== 'object' || state === null) continue
      const value: unknown = (state as Record<string, unknown>)[field]
      return typeof value === 'number' ? value : null
    }
  } catch {
    // Not ours to judge: y-websocket's own handler decides what a bad message means.
  }
  return null
}
