import { useEffect, useState } from 'react'
import { latestReports, type ProgressReport } from '../../../shared/breakdown/progress.ts'
import { getProgress } from '../../api/progress.ts'

/** The latest progress report of each item of a plan (empty until loaded, or when the server cannot be reached). */
export function useLatestProgress(docId: string): Map<string, ProgressReport> {
  const [latest, setLatest] = useState<Map<string, ProgressReport>>(new Map())
  useEffect(() => {
    let live = true
    getProgress(docId).then(
      (r) => live && setLatest(latestReports(r.reports)),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [docId])
  return latest
}
