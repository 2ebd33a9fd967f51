import { useCallback, useEffect, useState } from 'react'
import type { DocumentInfo } from '../../shared/api/types.ts'
import { ApiFailure } from '../api/ApiFailure.ts'
import { getDocument, recordVisit } from '../api/documents.ts'
import { errorMessage } from '../api/errorMessage.ts'
import { rememberVisit } from '../review/visitMemory.ts'

const cacheKey = (userId: string, docId: string): string => `plan-studio/${userId}/doc/${docId}`

function cached(userId: string, docId: string): DocumentInfo | null {
  try {
    const raw = localStorage.getItem(cacheKey(userId, docId))
    return raw ? (JSON.parse(raw) as DocumentInfo) : null
  } catch {
    return null
  }
}

/**
 * A document's information and the user's role on it. The last answer is kept in this browser so
 * that a page opened offline still knows whether the user may edit.
 */
export function useDocumentInfo(docId: string, userId: string): { info: DocumentInfo | null; error: string | null; fatal: boolean; reload: () => void } {
  const [info, setInfo] = useState<DocumentInfo | null>(() => cached(userId, docId))
  const [error, setError] = useState<string | null>(null)
  const [fatal, setFatal] = useState(false)
  const [generation, setGeneration] = useState(0)
  useEffect(() => {
    let live = true
    getDocument(docId).then(
      (doc) => {
        if (!live) return
        setInfo(doc)
        setError(null)
        try {
          localStorage.setItem(cacheKey(userId, docId), JSON.stringify(doc))
        } catch {
          // Storage full or refused: the page still works online.
        }
      },
      (err: unknown) => {
        if (!live) return
        setError(errorMessage(err, '文档信息没有载入'))
        // Not found or forbidden is final; a network failure is not (the editor works offline).
        setFatal(err instanceof ApiFailure && (err.status === 403 || err.status === 404))
      },
    )
    return () => {
      live = false
    }
  }, [docId, userId, generation])
  // One visit per opening, not per reload of the information (a linked plan changed elsewhere).
  useEffect(() => {
    recordVisit(docId).then(
      (visit) => rememberVisit(userId, docId, visit),
      () => undefined,
    )
  }, [docId, userId])
  const reload = useCallback(() => setGeneration((g) => g + 1), [])
  return { info, error, fatal, reload }
}
