import { describe, expect, it } from 'vitest'
import { decodeRelay, encodeRelay, RELAY, type RelayMessage } from '../../../server/cluster/relayProtocol.ts'

describe('relay messages between processes', () => {
  it('decodes every kind of message to what was encoded, including calls to an owner and their replies', () => {
    const messages: RelayMessage[] = [
      { kind: RELAY.open, conn: 'n1/1', from: 'n1', url: '/collab/d1?token=t' },
      { kind: RELAY.frame, conn: 'n1/1', data: new Uint8Array([0, 1, 2, 255]) },
      { kind: RELAY.close, conn: 'n1/1', code: 4401, reason: '未登录' },
      { kind: RELAY.ping, conn: 'n1/1' },
      { kind: RELAY.pong, conn: 'n1/1' },
      { kind: RELAY.call, conn: 'n1/call/1', from: 'n1', op: 'version.restore', docId: 'd1', args: JSON.stringify({ versionId: 'v1', userName: '张伟' }) },
      { kind: RELAY.reply, conn: 'n1/call/1', body: JSON.stringify({ error: { code: 'not-found', message: '版本不存在', status: 404 } }) },
    ]
    for (const msg of messages) expect(decodeRelay(encodeRelay(msg))).toEqual(msg)
  })

  it('refuses bytes of an unknown kind with an error naming it', () => {
    expect(() => decodeRelay(new Uint8Array([9, 0]))).toThrow('unknown relay message 9')
  })
})
