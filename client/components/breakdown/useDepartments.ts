import { useEffect, useState } from 'react'
import { listDepartments } from '../../api/accounts.ts'

/** The bureau's 科室 list (empty until it has loaded, or when the server cannot be reached: nothing is then flagged). */
export function useDepartments(): string[] {
  const [departments, setDepartments] = useState<string[]>([])
  useEffect(() => {
    let live = true
    listDepartments()
      .then((list) => live && setDepartments(list))
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [])
  return departments
}
