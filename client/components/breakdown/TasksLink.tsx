import { useEffect, useState } from 'react'
import type { UserInfo } from '../../../shared/api/types.ts'
import { getMyTasks } from '../../api/progress.ts'
import { navigate } from '../../router/navigate.ts'
import './tasks.css'

/** 本科室任务 N in the header for a user with a 科室: how many items their 科室 leads or supports; opens the list. */
export function TasksLink({ user }: { user: UserInfo }) {
  const [count, setCount] = useState<number | null>(null)
  useEffect(() => {
    if (!user.department) return
    let live = true
    getMyTasks().then(
      (r) => live && setCount(r.count),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [user.department])
  if (!user.department) return null
  return (
    <a
      className="tasks-link"
      href="/tasks"
      title={`${user.department}牵头或配合的任务`}
      data-testid="tasks-link"
      onClick={(e) => {
        e.preventDefault()
        navigate({ page: 'tasks' })
      }}
    >
      本科室任务{count !== null && <span className="tasks-count">{count}</span>}
    </a>
  )
}
