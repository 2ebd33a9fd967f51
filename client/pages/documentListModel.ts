import { statusOf, type PlanStatus } from '../../shared/api/status.ts'
import type { DocumentInfo, DocumentKind, DocumentSource } from '../../shared/api/types.ts'

/** The list's filters: kind, status and year ('all' lets everything through). */
export interface ListFilters {
  kind: 'all' | DocumentKind
  status: 'all' | PlanStatus
  year: 'all' | 'none' | number
}

/** The documents the filters let through, in the given order. */
export function filterDocuments(docs: readonly DocumentInfo[], f: ListFilters): DocumentInfo[] {
  return docs.filter((d) => (f.kind === 'all' || d.kind === f.kind) && (f.status === 'all' || statusOf(d) === f.status) && (f.year === 'all' || (f.year === 'none' ? d.year === undefined : d.year === f.year)))
}

/** The years the documents are for, newest first, and whether some have none. */
export function yearsOf(docs: readonly DocumentInfo[]): { years: number[]; someWithout: boolean } {
  const years = [...new Set(docs.flatMap((d) => (d.year === undefined ? [] : [d.year])))].sort((a, b) => b - a)
  return { years, someWithout: docs.some((d) => d.year === undefined) }
}

/** Ids of the documents whose title another of `docs` has too: their rows say year, owner and last change to tell them apart. */
export function sameTitleIds(docs: readonly DocumentInfo[]): Set<string> {
  const count = new Map<string, number>()
  for (const d of docs) count.set(d.title, (count.get(d.title) ?? 0) + 1)
  return new Set(docs.filter((d) => (count.get(d.title) ?? 0) > 1).map((d) => d.id))
}

/** The 来源 column: a short word and, where there is one, the longer description for its tooltip. */
export function sourceLabel(source: DocumentSource | undefined): { label: string; detail?: string } {
  switch (source?.kind) {
    case 'new':
      return { label: '新建', detail: '空白模板' }
    case 'template':
      return { label: '模板', detail: `模板：${source.title}` }
    case 'import':
      return { label: '导入', detail: `导入文件：${source.filename}` }
    case 'carry':
      return { label: '结转', detail: source.fromTitle ? `结转自《${source.fromTitle}》` : undefined }
    default:
      return { label: '—' }
  }
}

/** The year a 结转 of `doc` is for (carry forward moves one year), and the user's drafts for that year already. */
export function draftsForNextYear(doc: DocumentInfo, docs: readonly DocumentInfo[]): { year?: number; existing: DocumentInfo[] } {
  if (doc.year === undefined) return { existing: [] }
  const year = doc.year + 1
  return { year, existing: docs.filter((d) => d.id !== doc.id && d.kind === 'draft' && !d.archived && d.year === year) }
}

/** A creation date as the list shows it: 12月2日 this year, 2025年12月2日 before (local time). */
export function shortDate(iso: string, now = new Date()): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  const day = `${d.getMonth() + 1}月${d.getDate()}日`
  return d.getFullYear() === now.getFullYear() ? day : `${d.getFullYear()}年${day}`
}
