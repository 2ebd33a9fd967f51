import JSZip from 'jszip'
import mammoth from 'mammoth'
import { importText, type ImportResult } from '../../shared/import/importText.ts'
import { importWarning } from '../../shared/import/warnings.ts'
import { PlanError } from '../../shared/plan/errors.ts'
import { collectParagraphs, type DocxParagraph } from './docx/collectParagraphs.ts'
import { docxText } from './docx/docxText.ts'
import { readNumbering } from './docx/numberingDefinitions.ts'
import { openDocx } from './docx/openDocx.ts'
import { readStyleNumbering } from './docx/styleNumbering.ts'
import { writeListNumbers } from './docx/writeListNumbers.ts'
import { parseXml, type XmlDocument } from './docx/xmlTree.ts'
import { checkFileSize } from './checkFileSize.ts'
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './importLimits.ts'

const DAMAGED = '.docx 文件已损坏，无法读取其中的内容；请在 Word 或 WPS 中打开并重新保存后再导入'

/**
 * Imports a .docx plan. Word's automatic numbers are not in the text mammoth reads, and mammoth's
 * model of a numbered paragraph has only its level, not its list, so the numbers cannot be counted
 * there. Instead the numbers are worked out from the file's own numbering.xml and styles.xml and
 * written into document.xml as text; mammoth then reads the rewritten file, and the text importer
 * sees what a copy out of Word would give. Bold runs at the start of an item are its lead sentence.
 * The file is read within `limits` first, and mammoth only ever sees a package rebuilt from the
 * entries that passed them, never the uploaded bytes.
 */
export async function importDocx(bytes: Uint8Array, limits: ImportLimits = DEFAULT_IMPORT_LIMITS): Promise<ImportResult> {
  checkFileSize(bytes, limits)
  const parts = await openDocx(bytes, limits)
  const document = parse(parts.documentXml)
  const styles = readStyleNumbering(parts.stylesXml === undefined ? undefined : parse(parts.stylesXml).root)
  const numbering = readNumbering(parts.numberingXml === undefined ? undefined : parse(parts.numberingXml).root, styles)
  const listNumbers = writeListNumbers(parts.documentXml, document, numbering, styles)
  if (listNumbers.numbered) parts.files.set(parts.documentPath, new TextEncoder().encode(listNumbers.xml))
  const { text, leads, titleHints } = docxText(await readParagraphs(await packageOf(parts.files)))
  if (!text.trim()) throw new PlanError('empty-file', '.docx 文件里没有文字，没有可导入的内容')
  const result = importText(text, { leads, titleHints })
  if (listNumbers.numbered) result.warnings.unshift(importWarning('docx-numbering-applied', { n: listNumbers.numbered }))
  return result
}

/** A zip of checked entries, stored uncompressed: what mammoth reads instead of the upload. */
async function packageOf(files: Map<string, Uint8Array>): Promise<Uint8Array> {
  const zip = new JSZip()
  for (const [name, data] of files) zip.file(name, data)
  return zip.generateAsync({ type: 'uint8array', compression: 'STORE' })
}

/** Runs mammoth and keeps the paragraphs of its document model; the HTML it would write is not needed. */
async function readParagraphs(input: Uint8Array): Promise<DocxParagraph[]> {
  let paragraphs: DocxParagraph[] = []
  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.from(input.buffer, input.byteOffset, input.byteLength) },
      {
        transformDocument: (doc: unknown) => {
          paragraphs = collectParagraphs(doc)
          // Nothing left to convert: skips writing HTML for a document whose text is already taken.
          return typeof doc === 'object' && doc !== null ? { ...doc, children: [] } : doc
        },
      },
    )
  } catch {
    throw new PlanError('docx-damaged', DAMAGED)
  }
  return paragraphs
}

function parse(xml: string): XmlDocument {
  try {
    return parseXml(xml)
  } catch {
    throw new PlanError('docx-damaged', DAMAGED)
  }
}
