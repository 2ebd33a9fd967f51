import type { ReactNode } from 'react'
import { useState } from 'react'
import type { UserInfo } from '../../shared/api/types.ts'
import { logout } from '../api/auth.ts'
import { navigate } from '../router/navigate.ts'
import { Avatar } from './Avatar.tsx'

/** The bar across the top of every signed-in page: the product mark, page-specific content, the user and sign-out. */
export function AppHeader({ user, children, right }: { user: UserInfo; children?: ReactNode; right?: ReactNode }) {
  const [leaving, setLeaving] = useState(false)
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
        <div className="user-chip" title={`${user.displayName}（${user.name}）`}>
          <Avatar name={user.displayName} color={user.color} size={26} />
          <span className="user-name">{user.displayName}</span>
        </div>
        <button
          className="button subtle"
          disabled={leaving}
          onClick={() => {
            setLeaving(true)
            void logout().finally(() => setLeaving(false))
          }}
        >
          退出
        </button>
      </div>
    </header>
  )
}
