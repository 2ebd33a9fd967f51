import { describe, expect, it } from 'vitest'
import { MAX_FILE_REPORTS, parseReports } from '../../../shared/breakdown/reportsFile.ts'

describe('reading progress reports from a file', () => {
  it('reads an array or the body of GET …/progress, normalising times to UTC and names to the stamp the server writes', () => {
    const report = { itemId: 'i1', quarter: 2, status: 'done', note: ' 全部\n完成 ', at: '2025-04-03T09:30:00+08:00', by: { name: '李娜', department: '德育科' } }
    const fromArray = parseReports([report, { itemId: 'i2', quarter: 1, status: 'not-started', at: '2025-01-05', by: '王强' }])
    expect(fromArray).toEqual({
      reports: [
        { id: 'file-1', itemId: 'i1', quarter: 2, status: 'done', note: '全部 完成', at: '2025-04-03T01:30:00.000Z', by: { id: '', name: '李娜', department: '德育科' } },
        { id: 'file-2', itemId: 'i2', quarter: 1, status: 'not-started', note: '', at: '2025-01-05T00:00:00.000Z', by: { id: '', name: '王强' } },
      ],
    })
    if (!('reports' in fromArray)) throw new Error(fromArray.error)
    expect(parseReports({ reports: [report], reportable: [] })).toEqual({ reports: [fromArray.reports[0]] })
  })

  it('names the first bad report in Chinese, and refuses other shapes and too many reports', () => {
    expect(parseReports('x')).toMatchObject({ error: expect.stringContaining('填报文件应是填报记录的数组') })
    expect(parseReports([{ itemId: 'i1', quarter: 2, status: 'done', at: '2025-01-01' }, null])).toEqual({ error: '填报文件第 2 条无效：应是一个对象' })
    expect(parseReports([{ quarter: 2, status: 'done', at: '2025-01-01' }])).toEqual({ error: '填报文件第 1 条无效：缺少条目编号 itemId' })
    expect(parseReports([{ itemId: 'i1', quarter: 2, status: 'done', at: '2025-01-01', by: 7 }])).toMatchObject({ error: expect.stringContaining('填报人 by') })
    expect(parseReports([{ itemId: 'i1', quarter: 2, status: 'done', at: '2025-01-01', note: 3 }])).toMatchObject({ error: expect.stringContaining('进展说明 note') })
    expect(parseReports(Array(MAX_FILE_REPORTS + 1).fill({}))).toMatchObject({ error: expect.stringContaining(`最多 ${MAX_FILE_REPORTS} 条`) })
  })
})
