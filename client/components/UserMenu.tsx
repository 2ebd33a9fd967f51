import { useCallback, useRef, useState } from 'react'
import type { UserInfo } from '../../shared/api/types.ts'
import { logout } from '../api/auth.ts'
import { useDismiss } from '../hooks/useDismiss.ts'
import { navigate } from '../router/navigate.ts'
import { Avatar } from './Avatar.tsx'
import { ChangePasswordDialog } from './ChangePasswordDialog.tsx'

/** The user chip in the header, a menu: 修改密码, 用户管理 (admins), 退出登录. */
export function UserMenu({ user }: { user: UserInfo }) {
  const [open, setOpen] = useState(false)
  const [password, setPassword] = useState(false)
  const [leaving, setLeaving] = useState(false)
  const box = useRef<HTMLDivElement>(null)
  const close = useCallback(() => setOpen(false), [])
  useDismiss(box, open, close)
  return (
    <div className="menu-anchor user-menu" ref={box}>
      <button type="button" className="user-chip" title={`${user.displayName}（${user.name}）`} aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((o) => !o)} data-testid="user-menu">
        <Avatar name={user.displayName} color={user.color} size={26} />
        <span className="user-name">{user.displayName}</span>
      </button>
      {open && (
        <div className="menu user-menu-list" role="menu">
          <div className="user-menu-who muted">
            {user.name}
            {user.department ? ` · ${user.department}` : ''}
          </div>
          <button
            type="button"
            className="menu-item"
            role="menuitem"
            onClick={() => {
              close()
              setPassword(true)
            }}
          >
            修改密码
          </button>
          {user.role === 'admin' && (
            <button
              type="button"
              className="menu-item"
              role="menuitem"
              onClick={() => {
                close()
                navigate({ page: 'users' })
              }}
            >
              用户管理
            </button>
          )}
          <button
            type="button"
            className="menu-item"
            role="menuitem"
            disabled={leaving}
            onClick={() => {
              setLeaving(true)
              void logout().finally(() => setLeaving(false))
            }}
          >
            退出登录
          </button>
        </div>
      )}
      {password && <ChangePasswordDialog userName={user.name} onClose={() => setPassword(false)} />}
    </div>
  )
}
