import { formatReviewBase, type ReviewBaseParam, type ReviewBasesResponse, type ReviewResponse } from '../../shared/api/review.ts'
import { apiRequest } from './apiRequest.ts'
import { downloadFile } from './downloadFile.ts'

const reviewOf = (docId: string): string => `/api/documents/${encodeURIComponent(docId)}/review`

/** What a document can be compared with: its prior-year plan, its versions, the user's last visit. */
export function getReviewBases(docId: string): Promise<ReviewBasesResponse> {
  return apiRequest('GET', `${reviewOf(docId)}/bases`)
}

/** The base text and the current text (and, against a version or visit, who changed what). */
export function getReview(docId: string, base: ReviewBaseParam): Promise<ReviewResponse> {
  return apiRequest('GET', `${reviewOf(docId)}?base=${encodeURIComponent(formatReviewBase(base))}`)
}

/** Downloads the 修改对照表 (.docx) of the document against a base. */
export function downloadReviewTable(docId: string, base: ReviewBaseParam): Promise<void> {
  return downloadFile(`${reviewOf(docId)}.docx?base=${encodeURIComponent(formatReviewBase(base))}`, '修改对照表.docx')
}
