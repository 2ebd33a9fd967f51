import type { SuggestionReasonRequest, SuggestionReasonResponse, VersionSuggestionsResponse } from '../../shared/api/review.ts'
import { apiRequest } from './apiRequest.ts'

/** Records the editor's reason (理由) for accepting or rejecting a 修订; an empty reason removes it. */
export function saveSuggestionReason(docId: string, suggestionId: string, reason: string): Promise<SuggestionReasonResponse> {
  const body: SuggestionReasonRequest = { reason }
  return apiRequest('POST', `/api/documents/${encodeURIComponent(docId)}/suggestions/${encodeURIComponent(suggestionId)}/reason`, body)
}

/** A saved version's open 修订: its text with the marks, and their stamps (doc null when it has none). */
export function getVersionSuggestions(docId: string, versionId: string): Promise<VersionSuggestionsResponse> {
  return apiRequest('GET', `/api/documents/${encodeURIComponent(docId)}/versions/${encodeURIComponent(versionId)}/suggestions`)
}
