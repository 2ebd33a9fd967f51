import { describe, expect, it } from 'vitest'
import { dispositionFilename } from '../../../client/api/dispositionFilename.ts'
import { exportPath } from '../../../client/api/fetchExport.ts'

describe('dispositionFilename', () => {
  it('reads a Chinese name from the RFC 5987 filename* form the server sends', () => {
    const header = `attachment; filename*=UTF-8''${encodeURIComponent('2021年下半年闵行教育工作要点（征求意见稿）.docx')}`
    expect(dispositionFilename(header)).toBe('2021年下半年闵行教育工作要点（征求意见稿）.docx')
  })

  it('prefers filename* to a plain filename and falls back to the plain one', () => {
    expect(dispositionFilename(`attachment; filename="plan.docx"; filename*=utf-8''%E8%A6%81%E7%82%B9.docx`)).toBe('要点.docx')
    expect(dispositionFilename('attachment; filename="plan.docx"')).toBe('plan.docx')
    expect(dispositionFilename('attachment; filename=plan.docx')).toBe('plan.docx')
  })

  it('gives nothing for a missing header, a header without a name or a name that does not decode', () => {
    expect(dispositionFilename(null)).toBeUndefined()
    expect(dispositionFilename('attachment')).toBeUndefined()
    expect(dispositionFilename("attachment; filename*=UTF-8''%E8%A6")).toBeUndefined()
  })

  it('drops folders from a name so that it cannot point outside the download folder', () => {
    expect(dispositionFilename(`attachment; filename*=UTF-8''${encodeURIComponent('../../etc/要点.docx')}`)).toBe('要点.docx')
    expect(dispositionFilename('attachment; filename="C:\\\\temp\\\\plan.docx"')).toBe('plan.docx')
  })
})

describe('exportPath', () => {
  it('names the document or the version and the notice choice', () => {
    expect(exportPath({ docId: 'd1' }, true)).toBe('/api/documents/d1/export.docx?notice=1')
    expect(exportPath({ docId: 'd1', versionId: 'v2' }, false)).toBe('/api/documents/d1/versions/v2/export.docx?notice=0')
    expect(exportPath({ docId: 'a/b' }, true)).toBe('/api/documents/a%2Fb/export.docx?notice=1')
  })
})
