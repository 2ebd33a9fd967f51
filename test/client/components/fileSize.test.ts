import { describe, expect, it } from 'vitest'
import { fileSize } from '../../../client/components/fileSize.ts'

describe('fileSize', () => {
  it('shows an empty file as 0 字节, not 1 KB', () => {
    expect(fileSize(0)).toBe('0 字节')
    expect(fileSize(300)).toBe('300 字节')
  })

  it('shows larger files in KB and MB', () => {
    expect(fileSize(2048)).toBe('2 KB')
    expect(fileSize(3.5 * 1024 * 1024)).toBe('3.5 MB')
  })
})
