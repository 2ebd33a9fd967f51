import { Component } from 'react'
import type { ReactNode } from 'react'

interface State {
  failed: boolean
}

/** Catches a rendering failure and shows a plain sentence with a way out, never a stack trace. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false }

  static getDerivedStateFromError(): State {
    return { failed: true }
  }

  override render() {
    if (!this.state.failed) return this.props.children
    return (
      <div className="page-message">
        <h1>页面出现了问题</h1>
        <p>您的修改已保存在本机，刷新页面即可继续。</p>
        <button className="button primary" onClick={() => location.reload()}>
          刷新页面
        </button>
      </div>
    )
  }
}
