import JSZip from 'jszip'

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'

/** Parts of a hand-made .docx; the XML is what goes inside the root elements. */
export interface DocxParts {
  /** Content of w:body. */
  body: string
  /** Content of w:numbering; no numbering part when absent. */
  numbering?: string
  /** Content of w:styles; no styles part when absent. */
  styles?: string
  /** Leave out word/document.xml (and its relationship) to make a broken package. */
  withoutDocument?: boolean
}

/** Builds a .docx from raw WordprocessingML with jszip, the way Word lays the package out. */
export async function buildDocx(parts: DocxParts): Promise<Uint8Array> {
  const zip = new JSZip()
  const rels: string[] = []
  const overrides: string[] = []
  if (!parts.withoutDocument) {
    zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${parts.body}</w:body></w:document>`)
    overrides.push('<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>')
  }
  if (parts.numbering !== undefined) {
    zip.file('word/numbering.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="${W}">${parts.numbering}</w:numbering>`)
    rels.push('<Relationship Id="rIdN" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>')
    overrides.push('<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>')
  }
  if (parts.styles !== undefined) {
    zip.file('word/styles.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${W}">${parts.styles}</w:styles>`)
    rels.push('<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>')
    overrides.push('<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>')
  }
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join('')}</Types>`,
  )
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${parts.withoutDocument ? '' : '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'}</Relationships>`,
  )
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
  )
  return zip.generateAsync({ type: 'uint8array' })
}

/** A paragraph: optional paragraph properties and runs of [text, bold]. */
export function para(runs: (string | [string, boolean])[], pPr = ''): string {
  const r = runs
    .map((run) => (typeof run === 'string' ? ([run, false] as const) : run))
    .map(([text, bold]) => `<w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${escape(text)}</w:t></w:r>`)
    .join('')
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${r}</w:p>`
}

/** w:numPr for a list and level. */
export function numPr(numId: number | string, ilvl?: number): string {
  return `<w:numPr>${ilvl === undefined ? '' : `<w:ilvl w:val="${ilvl}"/>`}<w:numId w:val="${numId}"/></w:numPr>`
}

/** A w:lvl element. */
export function lvl(ilvl: number, numFmt: string, lvlText: string, extra = '', start = 1): string {
  return `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${numFmt}"/>${extra}<w:lvlText w:val="${escape(lvlText)}"/></w:lvl>`
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}
