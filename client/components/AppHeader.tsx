import type { ReactNode } from 'react'
import type { UserInfo } from '../../shared/api/types.ts'
import { navigate } from '../router/navigate.ts'
import { TasksLink } from './breakdown/TasksLink.tsx'
import { PendingButton } from './comments/PendingButton.tsx'
import { UserMenu } from './UserMenu.tsx'
import '../styles/accounts.css'

/** The bar across the top of every signed-in page: the product mark, page-specific content, and the user's menu (修改密码, 用户管理, 退出登录). */
export function AppHeader({ user, children, right }: { user: UserInfo; children?: ReactNode; right?: ReactNode }) {
  return (
    <header className="app-header">
      <a
        className="brand"
        href="/"
        onClick={(e) => {
          e.preventDefault()
          navigate({ page: 'documents' })
        }}
      >
        <span className="brand-mark" aria-hidden="true">
          计
        </span>
        <span className="brand-name">计划工作室</span>
      </a>
      <div className="app-header-main">{children}</div>
      <div className="app-header-right">
        {right}
        <TasksLink user={user} />
        <PendingButton />
        <UserMenu user={user} />
      </div>
    </header>
  )
}
