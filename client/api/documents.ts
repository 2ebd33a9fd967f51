import type { CreateDocumentRequest, CreateDocumentResponse, DocumentInfo, PlanResponse, TemplateInfo, UpdateDocumentRequest } from '../../shared/api/types.ts'
import { apiRequest } from './apiRequest.ts'

const doc = (id: string): string => `/api/documents/${encodeURIComponent(id)}`

/** The documents the user can open; archived ones instead when `archived` is true. */
export async function listDocuments(archived = false): Promise<DocumentInfo[]> {
  const res = await apiRequest<{ documents: DocumentInfo[] } | DocumentInfo[]>('GET', `/api/documents${archived ? '?archived=1' : ''}`)
  return Array.isArray(res) ? res : res.documents
}

/** The templates a new document can start from. */
export async function listTemplates(): Promise<TemplateInfo[]> {
  const res = await apiRequest<{ templates: TemplateInfo[] } | TemplateInfo[]>('GET', '/api/templates')
  return Array.isArray(res) ? res : res.templates
}

/** Creates a document from a template, an imported file or by carrying another forward. */
export function createDocument(request: CreateDocumentRequest): Promise<CreateDocumentResponse> {
  return apiRequest('POST', '/api/documents', request)
}

/** One document's information, including the caller's role. */
export async function getDocument(id: string): Promise<DocumentInfo> {
  const res = await apiRequest<{ document: DocumentInfo } | DocumentInfo>('GET', doc(id))
  return 'document' in res ? res.document : res
}

/** Renames or archives a document. */
export async function updateDocument(id: string, change: UpdateDocumentRequest): Promise<DocumentInfo> {
  const res = await apiRequest<{ document: DocumentInfo } | DocumentInfo>('PATCH', doc(id), change)
  return 'document' in res ? res.document : res
}

/** The document's current text as Plan JSON. */
export function getPlan(id: string): Promise<PlanResponse> {
  return apiRequest('GET', `${doc(id)}/plan`)
}

/** Records that the user opened the document (for "recently opened" ordering). */
export function recordVisit(id: string): Promise<unknown> {
  return apiRequest('POST', `${doc(id)}/visit`)
}
