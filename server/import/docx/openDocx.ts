import { PlanError } from '../../../shared/plan/errors.ts'
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from '../importLimits.ts'
import { isXml, readZip } from './readZip.ts'
import { scanXml } from './scanXml.ts'

const REL_BASE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
const STRICT_REL_BASE = 'http://purl.oclc.org/ooxml/officeDocument/relationships/'

/** An opened .docx: every entry, inflated within the limits, and the text of the parts the importer reads. */
export interface DocxParts {
  /** Every file of the package, inflated; each XML part has passed scanXml. */
  files: Map<string, Uint8Array>
  /** Path of the main document part inside the zip (normally word/document.xml). */
  documentPath: string
  documentXml: string
  numberingXml?: string
  stylesXml?: string
}

/**
 * Opens a .docx within the import limits and reads its main document, numbering and styles parts,
 * finding them through the package relationships the way Word (and mammoth) do, with the usual
 * paths as fallback. Every XML part is scanned (depth, elements, DOCTYPE) because mammoth reads
 * more of them than we do. Throws PlanError: 'not-a-docx' when the bytes are not a zip,
 * 'docx-missing-document' without a main document, 'docx-too-large' and kin over a limit.
 */
export async function openDocx(bytes: Uint8Array, limits: ImportLimits = DEFAULT_IMPORT_LIMITS): Promise<DocxParts> {
  try {
    return readParts(readZip(bytes, limits), limits)
  } catch (err) {
    if (err instanceof PlanError) throw err
    throw new PlanError('docx-damaged', '.docx 文件已损坏，无法读取其中的内容；请在 Word 或 WPS 中打开并重新保存后再导入')
  }
}

function readParts(files: Map<string, Uint8Array>, limits: ImportLimits): DocxParts {
  const packageRels = text(files, '_rels/.rels')
  const documentPath = partPath(files, packageRels, 'officeDocument', '', 'word/document.xml')
  const documentXml = text(files, documentPath)
  if (documentXml === undefined) {
    throw new PlanError('docx-missing-document', '文件是 zip 压缩包，但其中没有 Word 正文（word/document.xml），不是有效的 .docx 文件')
  }
  scanXml(documentXml, documentPath, limits, true)
  for (const [name] of files) if (name !== documentPath && isXml(name)) scanXml(text(files, name) ?? '', name, limits)
  const dir = documentPath.includes('/') ? documentPath.slice(0, documentPath.lastIndexOf('/')) : ''
  const base = documentPath.slice(dir ? dir.length + 1 : 0)
  const documentRels = text(files, `${dir ? dir + '/' : ''}_rels/${base}.rels`)
  const numberingXml = text(files, partPath(files, documentRels, 'numbering', dir, 'word/numbering.xml'))
  const stylesXml = text(files, partPath(files, documentRels, 'styles', dir, 'word/styles.xml'))
  return { files, documentPath, documentXml, ...(numberingXml !== undefined ? { numberingXml } : {}), ...(stylesXml !== undefined ? { stylesXml } : {}) }
}

function text(files: Map<string, Uint8Array>, path: string): string | undefined {
  const bytes = files.get(path)
  return bytes === undefined ? undefined : new TextDecoder().decode(bytes)
}

/** The target of the first relationship of a type when that part exists, else the fallback path. */
function partPath(files: Map<string, Uint8Array>, relsXml: string | undefined, type: string, baseDir: string, fallback: string): string {
  for (const m of (relsXml ?? '').matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const attr = (name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`).exec(m[0])?.[1]
    const relType = attr('Type')
    if (relType !== REL_BASE + type && relType !== STRICT_REL_BASE + type) continue
    const target = attr('Target')
    if (!target || attr('TargetMode') === 'External') continue
    const path = resolvePath(baseDir, target)
    if (files.has(path)) return path
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
