import { useEffect, useState } from 'react'
import type { ReviewBasesResponse } from '../../shared/api/review.ts'
import type { DocumentInfo } from '../../shared/api/types.ts'
import { getDocument } from '../api/documents.ts'
import { errorMessage } from '../api/errorMessage.ts'
import { getReviewBases } from '../api/review.ts'

/**
 * The document's information and the bases it can be compared with. Unlike the editor this records
 * no visit: reading what changed is not a visit to the text.
 */
export function useReviewSources(docId: string): { info: DocumentInfo | null; bases: ReviewBasesResponse | null; error: string | null } {
  const [info, setInfo] = useState<DocumentInfo | null>(null)
  const [bases, setBases] = useState<ReviewBasesResponse | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    Promise.all([getDocument(docId), getReviewBases(docId)]).then(
      ([doc, b]) => {
        if (!live) return
        setInfo(doc)
        setBases(b)
      },
      (err: unknown) => live && setError(errorMessage(err, '文档信息没有载入，请稍后重试')),
    )
    return () => {
      live = false
    }
  }, [docId])
  return { info, bases, error }
}
