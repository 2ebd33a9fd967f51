import { importText } from '../../shared/import/importText.ts'
import { PlanError } from '../../shared/plan/errors.ts'
import { returnedItems } from '../../shared/review/wordReturnItems.ts'
import type { ReturnedFile } from '../../shared/review/wordReturnTypes.ts'
import { checkFileSize } from './checkFileSize.ts'
import { docxText } from './docx/docxText.ts'
import { readNumbering } from './docx/numberingDefinitions.ts'
import { openDocx } from './docx/openDocx.ts'
import { revisionParagraphs, wordComments } from './docx/revisionRuns.ts'
import { readStyleNumbering } from './docx/styleNumbering.ts'
import { writeListNumbers } from './docx/writeListNumbers.ts'
import { parseXml, type XmlDocument } from './docx/xmlTree.ts'
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './importLimits.ts'

const DAMAGED = '.docx 文件已损坏，无法读取其中的内容；请在 Word 或 WPS 中打开并重新保存后再导入'

/**
 * Reads a .docx a department returned: its paragraphs with their Word revisions and comments
 * (within the import limits, like any import), and the plan the text importer reads from the
 * original text — what the department saw: deletions kept, insertions left out, Word's automatic
 * numbers written in. Runs on the import worker. Throws PlanError for a file that is no plan.
 */
export async function readWordReturn(bytes: Uint8Array, limits: ImportLimits = DEFAULT_IMPORT_LIMITS): Promise<ReturnedFile> {
  checkFileSize(bytes, limits)
  const parts = await openDocx(bytes, limits)
  const styles = readStyleNumbering(parts.stylesXml === undefined ? undefined : parse(parts.stylesXml).root)
  const numbering = readNumbering(parts.numberingXml === undefined ? undefined : parse(parts.numberingXml).root, styles)
  const first = parse(parts.documentXml)
  const numbered = writeListNumbers(parts.documentXml, first, numbering, styles)
  const document = numbered.numbered ? parse(numbered.xml) : first
  const paragraphs = revisionParagraphs(document.root)
  const commentsXml = parts.files.get(commentsPath(parts.documentPath))
  const comments = wordComments(commentsXml === undefined ? undefined : parse(new TextDecoder().decode(commentsXml)).root)
  const original = docxText(
    paragraphs.map((p) => ({
      segments: p.runs.filter((r) => r.kind !== 'ins').map((r) => ({ text: r.text, bold: r.bold })),
      ...(p.styleName ? { styleName: p.styleName } : {}),
      ...(p.alignment ? { alignment: p.alignment === 'both' ? 'both' : p.alignment } : {}),
    })),
  )
  if (!original.text.trim()) throw new PlanError('empty-file', '.docx 文件里没有文字，没有可导入的内容')
  const { plan } = importText(original.text, { leads: original.leads, titleHints: original.titleHints })
  return returnedItems({ paragraphs, comments }, plan)
}

/** word/comments.xml next to the main document part (Word and LibreOffice always put it there). */
function commentsPath(documentPath: string): string {
  const dir = documentPath.includes('/') ? documentPath.slice(0, documentPath.lastIndexOf('/') + 1) : ''
  return `${dir}comments.xml`
}

function parse(xml: string): XmlDocument {
  try {
    return parseXml(xml)
  } catch {
    throw new PlanError('docx-damaged', DAMAGED)
  }
}
