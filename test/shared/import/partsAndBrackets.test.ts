import { describe, expect, it } from 'vitest'
import { importPiece, importText } from '../../../shared/import/importText.ts'
import { itemPlaces } from '../../../shared/plan/numbering.ts'
import type { Plan } from '../../../shared/plan/types.ts'

const titles = (plan: Plan): string[] => itemPlaces(plan).map((p) => p.item.title)
const headings = (plan: Plan): string[] => plan.sections.map((s) => s.heading)
const subheadings = (plan: Plan): string[][] => plan.sections.map((s) => s.subsections.map((u) => u.heading))

describe('import of 第一部分 / 第一章 headings', () => {
  it('takes 第一部分 headings as the sections when the text has no 一、 headings', () => {
    const text = '2027年青石区教育工作要点\n第一部分 总体要求\n1.坚持育人为本。把立德树人落到实处。\n第二部分：重点任务\n2.扩大优质学位。新增学位三千个。\n3.办好家门口学校。每个街道一所。\n'
    const { plan } = importText(text)
    expect(plan.title).toBe('2027年青石区教育工作要点')
    expect(headings(plan)).toEqual(['总体要求', '重点任务'])
    expect(titles(plan)).toEqual(['坚持育人为本。', '扩大优质学位。', '办好家门口学校。'])
  })

  it('takes 第一章 headings as sections', () => {
    const text = '青石中学三年发展规划\n第一章　发展基础\n1.办学条件逐步改善。新建实验楼一栋。\n第二章　发展目标\n2.形成科技教育特色。建成创客空间。\n'
    expect(headings(importText(text).plan)).toEqual(['发展基础', '发展目标'])
  })

  it('puts 一、 headings under 第一部分 as sub-sections, with their 1. items', () => {
    const text = [
      '2027年青石区教育工作要点',
      '第一部分 2026年工作回顾',
      '一、学位供给持续扩大',
      '1.新建学校三所。全部按期开学。',
      '二、教师队伍不断加强',
      '2.招聘新教师二百名。',
      '第二部分 2027年工作任务',
      '一、深化课程改革',
      '3.推进跨学科学习。每校一个案例。',
    ].join('\n')
    const { plan } = importText(text)
    expect(headings(plan)).toEqual(['2026年工作回顾', '2027年工作任务'])
    expect(subheadings(plan)).toEqual([['学位供给持续扩大', '教师队伍不断加强'], ['深化课程改革']])
    expect(titles(plan)).toEqual(['新建学校三所。', '招聘新教师二百名。', '推进跨学科学习。'])
  })

  it("makes the （一） entries under a part's 一、 headings items when there are no 1. items", () => {
    const text = '青石区体育工作要点\n第一部分 主要任务\n一、上好体育课\n（一）开齐开足体育课。每天一节。\n（二）办好大课间。每天三十分钟。\n二、办好赛事\n（三）举办区运动会。秋季举行。\n'
    const { plan } = importText(text)
    expect(headings(plan)).toEqual(['主要任务'])
    expect(subheadings(plan)).toEqual([['上好体育课', '办好赛事']])
    expect(titles(plan)).toEqual(['开齐开足体育课。', '办好大课间。', '举办区运动会。'])
  })

  it('does not take 第一部分 inside a sentence for a heading', () => {
    const text = '青石区工作要点\n一、加强规划\n1.编制发展规划。规划第一部分是现状分析，第二部分是目标。\n'
    const { plan } = importText(text)
    expect(headings(plan)).toEqual(['加强规划'])
    expect(plan.sections[0].items[0].body).toBe('规划第一部分是现状分析，第二部分是目标。')
  })
})

describe('import of 1） and （1） item numbers', () => {
  it('reads items numbered 1） as items', () => {
    const text = '青石小学工作计划\n一、德育工作\n1）开展主题班会。每月一次。\n2）评选文明班级。每学期一次。\n二、教学工作\n3）组织公开课。每人一节。\n'
    const { plan } = importText(text)
    expect(headings(plan)).toEqual(['德育工作', '教学工作'])
    expect(titles(plan)).toEqual(['开展主题班会。', '评选文明班级。', '组织公开课。'])
  })

  it('reads items numbered （1） or (1) as items', () => {
    const text = '青石小学工作计划\n一、德育工作\n（1）开展主题班会。每月一次。\n(2)评选文明班级。每学期一次。\n'
    expect(titles(importText(text).plan)).toEqual(['开展主题班会。', '评选文明班级。'])
  })

  it('keeps （1） points inside an item numbered 1. as its body text', () => {
    const text = '青石小学工作计划\n一、德育工作\n1.开展主题教育。分三步：\n（1）制定方案；\n（2）组织实施。\n2.评选文明班级。每学期一次。\n'
    const { plan } = importText(text)
    expect(titles(plan)).toEqual(['开展主题教育。', '评选文明班级。'])
    expect(plan.sections[0].items[0].body).toBe('分三步：\n（1）制定方案；\n（2）组织实施。')
  })

  it('does not read a year in brackets or a clause number in a sentence as an item', () => {
    const text = '青石小学工作计划\n一、德育工作\n1.开展主题教育（2027）。按第3)款办理。\n'
    const { plan } = importText(text)
    expect(titles(plan)).toEqual(['开展主题教育（2027）。'])
    expect(plan.sections[0].items[0].body).toBe('按第3)款办理。')
  })
})

describe('importPiece (a pasted piece of a plan)', () => {
  it('starts the numbering where the piece starts: 5. 6. and 三、 are a chain of their own', () => {
    const piece = importPiece('5.修订学生手册。九月完成。\n6.开展家访。每生一次。\n三、后勤保障\n7.更新课桌椅。暑期完成。\n')
    expect(piece?.lead).toEqual([])
    expect(piece?.loose.items.map((i) => i.title)).toEqual(['修订学生手册。', '开展家访。'])
    expect(piece?.sections.map((s) => s.heading)).toEqual(['后勤保障'])
    expect(piece?.sections[0].items.map((i) => [i.title, i.body])).toEqual([['更新课桌椅。', '暑期完成。']])
  })

  it('is undefined for plain sentences, and for a number that is not at a line start', () => {
    expect(importPiece('各校要高度重视。要做到以下两点：1.提高认识；2.加强落实。')).toBeUndefined()
    expect(importPiece('全年新增学位2.5万个。')).toBeUndefined()
  })

  it('keeps sentences before the first number as lead paragraphs, and takes no title or closing', () => {
    const piece = importPiece('以下事项请各校落实。\n1.排查校舍。月底完成。\n2.更新台账。\n青石区教育局\n2027年3月1日')
    expect(piece?.lead).toEqual(['以下事项请各校落实。'])
    expect(piece?.loose.items.map((i) => i.title)).toEqual(['排查校舍。', '更新台账。'])
    expect(piece?.loose.items[1].body).toBe('青石区教育局\n2027年3月1日')
  })
})
