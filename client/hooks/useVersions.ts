import { useCallback, useEffect, useState } from 'react'
import type { VersionInfo } from '../../shared/api/types.ts'
import { errorMessage } from '../api/errorMessage.ts'
import { listVersions } from '../api/versions.ts'

/** A document's named versions, newest first, with a reload. */
export function useVersions(docId: string): { versions: VersionInfo[] | null; error: string | null; reload: () => void } {
  const [versions, setVersions] = useState<VersionInfo[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [generation, setGeneration] = useState(0)
  useEffect(() => {
    let live = true
    listVersions(docId).then(
      (list) => {
        if (!live) return
        setVersions(list)
        setError(null)
      },
      (err: unknown) => live && setError(errorMessage(err, '版本列表没有载入')),
    )
    return () => {
      live = false
    }
  }, [docId, generation])
  const reload = useCallback(() => setGeneration((g) => g + 1), [])
  return { versions, error, reload }
}
