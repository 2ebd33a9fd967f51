import { AlignmentType, Document, Packer, PageOrientation, Paragraph, Table, TableLayoutType, TextRun, WidthType } from 'docx'
import { ITEM_KIND_LABELS } from '../../shared/diff/describeChange.ts'
import type { DiffSummary, PlanDiff } from '../../shared/diff/types.ts'
import type { DecidedSuggestion } from '../../shared/review/adoption.ts'
import { reviewModel, type Authors } from '../../shared/review/reviewModel.ts'
import { reviewRows } from '../../shared/review/reviewRows.ts'
import { bodyRows, headerRow, tableWidths } from './diffTable/tableRows.ts'
import { xmlSafe } from './xmlSafe.ts'
import { TABLE_FONT, TABLE_LANGUAGE, TABLE_PAGE, TABLE_SIZE, TABLE_WIDTH, tableFont } from './diffTable/tableLayout.ts'

/** Longest plan title the table's heading lines print (plans may hold 500; a hostile title may hold more). */
const MAX_TITLE = 500

/** Titles of the two plans compared, as printed on the table's first lines, and who changed what. */
export interface DiffTableOptions {
  oldTitle: string
  newTitle: string
  /** Per plan node, who changed it since the base (reviews against a version or a visit). */
  authors?: Authors
  /** 修订 decided since the base (their items, accepted or rejected, the editor's reason): the 采纳情况 column. */
  decided?: readonly DecidedSuggestion[]
}

/**
 * A 修改对照表 (.docx): title, which plans are compared, a count of the changes, then a table
 * 原文 | 修改后 | 修改说明 drawn from the review model (shared/review), the one the review page draws:
 * a row per changed entry and per changed heading (sub-sections too), framed by the unchanged
 * headings that hold changes. Deleted text is struck through in 原文, new text bold and underlined in 修改后.
 * When some 修订 was decided since the base, a fourth column 采纳情况 says what became of them per row.
 */
export async function diffTableDocx(d: PlanDiff, options: DiffTableOptions): Promise<Uint8Array> {
  const model = reviewModel(d, options.authors, options.decided)
  const rows = bodyRows(reviewRows(model), model.adoption)
  const oldTitle = tableTitle(options.oldTitle)
  const newTitle = tableTitle(options.newTitle)
  const children: (Paragraph | Table)[] = [
    note(newTitle ? `《${newTitle}》修改对照表` : '修改对照表', TABLE_FONT.title, TABLE_SIZE.title, AlignmentType.CENTER),
    note(`原文：${oldTitle || '（无标题）'}　　修改后：${newTitle || '（无标题）'}`, TABLE_FONT.body, TABLE_SIZE.note, AlignmentType.CENTER),
    note(summaryLine(model.summary), TABLE_FONT.body, TABLE_SIZE.note, AlignmentType.LEFT),
    note(
      `说明：“原文”栏中加删除线的文字为删去的内容，“修改后”栏中加粗并加下划线的文字为新增或改写的内容；条目编号为各自文本中的编号。${options.authors ? '“修改说明”栏中的修改人为此后改动过该条的用户，按最近一次修改排列，时间为北京时间。' : ''}${model.adoption ? '“采纳情况”栏列出此后对该条修订意见的处理：采纳、未采纳或部分采纳，并附处理理由。' : ''}`,
      TABLE_FONT.body,
      TABLE_SIZE.note,
      AlignmentType.LEFT,
    ),
  ]
  if (rows.length) {
    children.push(
      new Table({
        rows: [headerRow(model.adoption), ...rows],
        width: { size: TABLE_WIDTH, type: WidthType.DXA },
        columnWidths: [...tableWidths(model.adoption)],
        layout: TableLayoutType.FIXED,
      }),
    )
  } else children.push(note('两份文本的条目和部分标题没有变化。', TABLE_FONT.body, TABLE_SIZE.note, AlignmentType.LEFT))
  const doc = new Document({
    creator: 'Plan Studio',
    title: newTitle ? `${newTitle}修改对照表` : '修改对照表',
    sections: [
      {
        properties: {
          page: {
            size: { width: TABLE_PAGE.width, height: TABLE_PAGE.height, orientation: PageOrientation.LANDSCAPE },
            margin: { top: TABLE_PAGE.margin, bottom: TABLE_PAGE.margin, left: TABLE_PAGE.margin, right: TABLE_PAGE.margin },
          },
        },
        children,
      },
    ],
  })
  return new Uint8Array(await Packer.toBuffer(doc))
}

/** 原文 31 条，修改后 30 条；条目变化 14 处（修改 4 处，…），未修改 17 条；标题修改 1 处，…。 */
function summaryLine(s: DiffSummary): string {
  const parts = (['reworded', 'moved', 'merged', 'split', 'added', 'removed'] as const).filter((k) => s[k]).map((k) => `${ITEM_KIND_LABELS[k]} ${s[k]} 处`)
  const sections = [
    s.sectionsRenamed && `部分（小节）标题修改 ${s.sectionsRenamed} 处`,
    s.sectionsAdded && `新增部分（小节） ${s.sectionsAdded} 个`,
    s.sectionsRemoved && `删除部分（小节） ${s.sectionsRemoved} 个`,
  ].filter(Boolean)
  const items = s.changed ? `条目变化 ${s.changed} 处（${parts.join('，')}），未修改 ${s.unchanged} 条` : `条目没有变化（${s.unchanged} 条）`
  return `原文 ${s.oldItems} 条，修改后 ${s.newItems} 条；${items}${sections.length ? '；' + sections.join('，') : ''}。`
}

/** A plan title as the table's heading lines print it: XML-safe, on one line, and cut where no reader would follow it. */
function tableTitle(title: string): string {
  const one = xmlSafe(title).replace(/\s+/g, ' ').trim()
  return one.length > MAX_TITLE ? `${Array.from(one.slice(0, MAX_TITLE)).slice(0, -1).join('')}…` : one
}

function note(text: string, font: string, size: number, alignment: (typeof AlignmentType)[keyof typeof AlignmentType]): Paragraph {
  return new Paragraph({
    alignment,
    spacing: { before: 0, after: 120 },
    children: [new TextRun({ text: xmlSafe(text), font: tableFont(font), size, language: TABLE_LANGUAGE })],
  })
}
