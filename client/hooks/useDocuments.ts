import { useCallback, useEffect, useState } from 'react'
import type { DocumentInfo } from '../../shared/api/types.ts'
import { listDocuments } from '../api/documents.ts'
import { errorMessage } from '../api/errorMessage.ts'

/** The document list (current or archived) with its loading state, error sentence and a reload. */
export function useDocuments(archived: boolean): { documents: DocumentInfo[] | null; error: string | null; reload: () => void } {
  const [documents, setDocuments] = useState<DocumentInfo[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [generation, setGeneration] = useState(0)
  useEffect(() => {
    let live = true
    setError(null)
    listDocuments(archived).then(
      (list) => live && setDocuments([...list].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))),
      (err: unknown) => live && setError(errorMessage(err, '文档列表没有载入，请稍后重试')),
    )
    return () => {
      live = false
    }
  }, [archived, generation])
  const reload = useCallback(() => setGeneration((g) => g + 1), [])
  return { documents, error, reload }
}
