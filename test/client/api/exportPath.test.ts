import { describe, expect, it } from 'vitest'
import { exportPath } from '../../../client/api/fetchExport.ts'

describe('exportPath with a reading of open 修订', () => {
  it('asks for the clean draft by default, with no reading in the query', () => {
    expect(exportPath({ docId: 'd1' }, true, {}, 'reject')).toBe('/api/documents/d1/export.docx?notice=1')
  })

  it('asks for revisions and comments with review=1 and for the accepted text with accepted=1, after the other options', () => {
    expect(exportPath({ docId: 'd1' }, false, { fields: true }, 'track')).toBe('/api/documents/d1/export.docx?notice=0&fields=1&review=1')
    expect(exportPath({ docId: 'd1', versionId: 'v2' }, true, {}, 'accept')).toBe('/api/documents/d1/versions/v2/export.docx?notice=1&accepted=1')
  })
})
