import { describe, expect, it } from 'vitest'
import { readOnlyReason } from '../../../client/components/ReadOnlyBanner.tsx'

describe('the read-only banner of a 定稿 plan', () => {
  it('tells everyone, owners included, that a 定稿 plan is read-only and how it is reopened', () => {
    for (const role of ['owner', 'editor', 'viewer'] as const) expect(readOnlyReason(role, false, undefined, 'final')).toContain('本文档已定稿，只能阅读')
    expect(readOnlyReason('owner', false, undefined, 'final')).toContain('填写原因后重新打开')
    // A socket closed by 定稿 (4423) still shows the status sentence once the page knows the status.
    expect(readOnlyReason('editor', false, '文档已定稿，不能再修改', 'final')).toMatch(/^本文档已定稿/)
  })

  it('leaves editors of a plan in any other status free to type', () => {
    for (const status of ['drafting', 'consultation', 'review'] as const) expect(readOnlyReason('editor', false, undefined, status)).toBeNull()
  })
})
