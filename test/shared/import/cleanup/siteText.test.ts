import { describe, expect, it } from 'vitest'
import { lineKind, removeBoilerplate } from '../../../../shared/import/cleanup/boilerplate.ts'
import { expandEnclosedNumerals } from '../../../../shared/import/cleanup/enclosedNumerals.ts'
import { firstPiece } from '../../../../shared/import/cleanup/pieces.ts'
import { foldTraditional } from '../../../../shared/import/cleanup/traditional.ts'
import { removeRecordLines } from '../../../../shared/import/cleanup/recordLines.ts'
import { removeContents } from '../../../../shared/import/structure/contents.ts'

describe('lineKind tells site lines from the document by their shape', () => {
  it.each([
    ['page-info', '发布日期：2023-05-06  作者：教育局办公室  点击数：88'],
    ['page-info', '更新时间:2022-09-01 16:20:11'],
    ['page-info', '【字号：大 中 小】 来源：区教育局'],
    ['page-info', '日期：2021年3月2日 10:05'],
    ['navigation', '您的位置：首页 > 政务公开 > 计划总结'],
    ['navigation', '首页 » 范文 » 工作计划'],
    ['navigation', '【打印】 【收藏】 【关闭】'],
    ['navigation', '相关推荐：小学德育工作计划'],
    ['navigation', '手机扫一扫，阅读更方便'],
    ['editor-note', '以下是本站精心整理的幼儿园保育工作计划，欢迎阅读。'],
    ['editor-note', '导语：计划是工作的先导，下文供您参考。'],
    ['editor-note', '希望本文能够帮助到大家。'],
    ['doc-share', '上传者：w***6  资源ID：998877'],
    ['doc-share', '已阅读3页，还剩8页未读'],
    ['doc-share', '……此处隐藏12345个字……'],
    ['doc-share', '某某中学德育工作计划.doc'],
    ['disclosure', '主题分类：教育'],
    ['disclosure', '（此件依申请公开）'],
    ['collection', '小学教导处工作计划大全'],
    ['collection', '幼儿园园务工作计划（通用7篇）'],
    ['editor-note', '導語：本文來源於網友上傳，不代表本站觀點。'],
    ['article', '原创 某某教育 2026-01-02 07:30 发表于江苏'],
    ['article', '点击上方蓝字关注我们'],
    ['article', '责编：王某'],
    ['article', '阅读原文'],
    ['disclosure', '（此件公开发布）'],
    ['doc-share', '某某文库 - 海量实用文档免费下载'],
    ['doc-share', '精品文档推荐'],
  ])('%s: %s', (kind, line) => {
    expect(lineKind(line)).toBe(kind)
  })

  it.each([
    '活动时间：3月—5月，地点：各校操场',
    '1.建设网络学习空间，提供优质数字资源。',
    '附件：2025年工作要点.docx',
    '3.开展“最美教师”推荐（推荐名单见附件）。',
    '来源于实践、服务于实践，是教研工作的基本要求。',
    '2025年实验小学工作计划',
    '一、指导思想',
    '3.编印优秀教案汇编',
    '（二）资料大全',
    '4.整理并下载报名表.docx',
    '推荐阅读书目由学校统一发布。',
  ])('keeps the document line %s', (line) => {
    expect(lineKind(line)).toBeUndefined()
  })
})

describe('removeBoilerplate', () => {
  it('takes text inserted mid-word out of the line and joins the word again', () => {
    const r = removeBoilerplate(['推进课堂---转载请注明出处，本文来自网络---教学改革。', '2025年工作计划【精品推荐】'])
    expect(r.lines).toEqual(['推进课堂教学改革。', '2025年工作计划'])
    expect(r.removed.map((x) => x.kind)).toEqual(['inserted', 'inserted'])
  })

  it('keeps a file name line as a title hint', () => {
    expect(removeBoilerplate(['2025年城西区教育工作要点.docx', '正文。']).titleHints).toEqual(['2025年城西区教育工作要点'])
  })
})

describe('removeContents', () => {
  it('removes a 目录 list with page numbers and keeps the content', () => {
    const r = removeContents(['某校计划', '目 录', '一、指导思想……1', '二、主要任务……3', '一、指导思想', '正文。'])
    expect(r).toEqual({ lines: ['某校计划', '一、指导思想', '正文。'], removed: 3 })
  })

  it('removes an unlabelled list whose headings come again as the content', () => {
    const r = removeContents(['要点', '一、党建', '二、改革', '一、党建', '1.甲。', '二、改革', '2.乙。'])
    expect(r.lines).toEqual(['要点', '一、党建', '1.甲。', '二、改革', '2.乙。'])
  })

  it('leaves a heading followed by a sub-section heading alone', () => {
    const lines = ['要点', '一、安全', '（一）校园安全', '1.甲条。内容。', '（二）食品安全', '2.乙条。内容。']
    expect(removeContents(lines)).toEqual({ lines, removed: 0 })
  })
})

describe('firstPiece', () => {
  it('keeps the first piece of a collection with its title and leaves the others out', () => {
    const r = firstPiece(['合集', '教研工作计划【第一篇】', '一、目标', '教研工作计划【第二篇】', '一、任务'])
    expect(r).toEqual({ lines: ['合集', '教研工作计划', '一、目标'], others: 1 })
  })

  it('changes nothing in a text without piece labels', () => {
    expect(firstPiece(['要点', '一、目标'])).toEqual({ lines: ['要点', '一、目标'], others: 0 })
  })
})

describe('expandEnclosedNumerals and foldTraditional', () => {
  it('writes ⒈ as 1. and ㈢ as （三）', () => {
    expect(expandEnclosedNumerals('㈢改善条件\n⒓完成建设。')).toBe('（三）改善条件\n12.完成建设。')
  })

  it('folds traditional forms without changing the length', () => {
    expect(foldTraditional('時間：閱讀次數')).toBe('时间：阅读次数')
  })
})

describe('removeRecordLines', () => {
  it('removes the 抄送 and 印发 lines under the last item and nothing above them', () => {
    const r = removeRecordLines(['3.规范常规。开展督查。', '抄送：区委办。', '', '某区教育局办公室  2026年1月9日印发', ''])
    expect(r).toEqual({ lines: ['3.规范常规。开展督查。'], removed: 2 })
  })

  it('leaves a plan that merely mentions 抄送 in its text', () => {
    const lines = ['1.规范公文流转。抄送：各科室。', '2.加强管理。内容。']
    expect(removeRecordLines(lines)).toEqual({ lines, removed: 0 })
  })
})
