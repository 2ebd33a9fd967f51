import { crc32 } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { crc32Of } from '../../../server/storage/crc32.ts'
import { seededRandom } from '../../utils/seededRandom.ts'

const random = seededRandom()

describe('the CRC-32 of write-ahead log records', () => {
  it(`is node:zlib's for every length up to 300 bytes and every start within a word (TEST_SEED=${random.seed})`, () => {
    const bytes = new Uint8Array(310).map(() => random.int(256))
    for (let from = 0; from < 4; from++) {
      for (let length = 0; length <= 300; length++) {
        expect(crc32Of(bytes, from, from + length), `from ${from}, length ${length}`).toBe(crc32(bytes.subarray(from, from + length)))
      }
    }
  })

  it('is the well-known check value for "123456789" and for the all-ones bytes', () => {
    expect(crc32Of(Buffer.from('123456789'), 0, 9)).toBe(0xcbf43926)
    expect(crc32Of(new Uint8Array(64).fill(0xff), 0, 64)).toBe(crc32(new Uint8Array(64).fill(0xff)))
  })
})
