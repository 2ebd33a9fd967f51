import JSZip from 'jszip'
import { PlanError } from '../../../shared/plan/errors.ts'

const REL_BASE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
const STRICT_REL_BASE = 'http://purl.oclc.org/ooxml/officeDocument/relationships/'

/** An opened .docx: the zip and the text of the parts the importer reads. */
export interface DocxParts {
  zip: JSZip
  /** Path of the main document part inside the zip (normally word/document.xml). */
  documentPath: string
  documentXml: string
  numberingXml?: string
  stylesXml?: string
}

/**
 * Opens a .docx and reads its main document, numbering and styles parts, finding them through
 * the package relationships the way Word (and mammoth) do, with the usual paths as fallback.
 * Throws PlanError 'not-a-docx' when the bytes are not a zip, 'docx-missing-document' when there is no main document.
 */
export async function openDocx(bytes: Uint8Array): Promise<DocxParts> {
  let zip: JSZip
  try {
    zip = await JSZip.loadAsync(bytes)
  } catch {
    throw new PlanError('not-a-docx', '文件不是有效的 .docx 文件（不是 zip 压缩包）；旧版 .doc 或损坏的文件请在 Word 或 WPS 中另存为 .docx 后再导入')
  }
  try {
    return await readParts(zip)
  } catch (err) {
    if (err instanceof PlanError) throw err
    throw new PlanError('docx-damaged', '.docx 文件已损坏，无法读取其中的内容；请在 Word 或 WPS 中打开并重新保存后再导入')
  }
}

async function readParts(zip: JSZip): Promise<DocxParts> {
  const packageRels = await readText(zip, '_rels/.rels')
  const documentPath = partPath(zip, packageRels, 'officeDocument', '', 'word/document.xml')
  const documentXml = await readText(zip, documentPath)
  if (documentXml === undefined) {
    throw new PlanError('docx-missing-document', '文件是 zip 压缩包，但其中没有 Word 正文（word/document.xml），不是有效的 .docx 文件')
  }
  const dir = documentPath.includes('/') ? documentPath.slice(0, documentPath.lastIndexOf('/')) : ''
  const base = documentPath.slice(dir ? dir.length + 1 : 0)
  const documentRels = await readText(zip, `${dir ? dir + '/' : ''}_rels/${base}.rels`)
  const numberingXml = await readText(zip, partPath(zip, documentRels, 'numbering', dir, 'word/numbering.xml'))
  const stylesXml = await readText(zip, partPath(zip, documentRels, 'styles', dir, 'word/styles.xml'))
  return { zip, documentPath, documentXml, ...(numberingXml !== undefined ? { numberingXml } : {}), ...(stylesXml !== undefined ? { stylesXml } : {}) }
}

async function readText(zip: JSZip, path: string): Promise<string | undefined> {
  const file = zip.file(path)
  return file ? file.async('string') : undefined
}

/** The target of the first relationship of a type when that part exists, else the fallback path. */
function partPath(zip: JSZip, relsXml: string | undefined, type: string, baseDir: string, fallback: string): string {
  for (const m of (relsXml ?? '').matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const attr = (name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`).exec(m[0])?.[1]
    const relType = attr('Type')
    if (relType !== REL_BASE + type && relType !== STRICT_REL_BASE + type) continue
    const target = attr('Target')
    if (!target || attr('TargetMode') === 'External') continue
    const path = resolvePath(baseDir, target)
    if (zip.file(path)) return path
  }
  return fallback
}

/** Resolves a relationship target against the folder of its source part ("/word/x.xml" is from the package root). */
function resolvePath(baseDir: string, target: string): string {
  const parts = target.startsWith('/') ? [] : baseDir.split('/').filter(Boolean)
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop()
    else if (seg && seg !== '.') parts.push(seg)
  }
  return parts.join('/')
}
