import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import type { BreakdownRecord } from '../../../shared/breakdown/record.ts'
import { observeBreakdowns, readBreakdowns } from '../../../shared/breakdown/store.ts'

/** Every item's 任务分解 record, updated the moment anyone changes a field (here or in another browser). */
export function useBreakdowns(ydoc: Y.Doc): Map<string, BreakdownRecord> {
  const [records, setRecords] = useState(() => readBreakdowns(ydoc))
  useEffect(() => {
    setRecords(readBreakdowns(ydoc))
    return observeBreakdowns(ydoc, setRecords)
  }, [ydoc])
  return records
}
