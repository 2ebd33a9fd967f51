import { useState } from 'react'
import type { FormEvent } from 'react'
import { login } from '../api/auth.ts'
import { errorMessage } from '../api/errorMessage.ts'

/** 登录: name and password; a wrong password or an unreachable server is said in one plain sentence. */
export function LoginPage() {
  const [name, setName] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault()
    if (!name.trim() || !password) {
      setError('请输入用户名和密码')
      return
    }
    setBusy(true)
    setError(null)
    try {
      await login(name.trim(), password)
    } catch (err) {
      setError(errorMessage(err, '登录没有成功，请稍后重试'))
      setBusy(false)
    }
  }

  return (
    <div className="login-page">
      <div className="login-card">
        <div className="login-head">
          <span className="brand-mark large" aria-hidden="true">
            计
          </span>
          <div>
            <h1>计划工作室</h1>
            <p>教育工作要点 · 多人协同起草</p>
          </div>
        </div>
        <div className="login-rule" />
        <form onSubmit={(e) => void submit(e)} noValidate>
          <label className="field">
            <span>用户名</span>
            <input name="name" autoComplete="username" autoFocus value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <label className="field">
            <span>密码</span>
            <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
          </label>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <button className="button primary wide" type="submit" disabled={busy}>
            {busy ? '正在登录…' : '登录'}
          </button>
        </form>
        <p className="login-foot">账号由本单位管理员开设。忘记密码请联系管理员。</p>
      </div>
    </div>
  )
}
