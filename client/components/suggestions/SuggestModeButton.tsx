import { Icon } from '../Icon.tsx'
import type { SuggestModeState } from './useSuggestMode.ts'

/** 修订模式 on the toolbar, as in Word and WPS: pressed while edits become suggestions; shown locked on for reviewers. */
export function SuggestModeButton({ mode }: { mode: SuggestModeState }) {
  const tip = mode.canToggle ? (mode.on ? '关闭修订模式：之后的修改直接生效' : '打开修订模式：之后的修改作为修订建议，由编辑者接受或拒绝') : '审阅人的修改都以修订建议的形式显示'
  return (
    <button
      type="button"
      className={`tool-button${mode.on ? ' pressed' : ''}`}
      title={tip}
      aria-pressed={mode.on}
      disabled={!mode.canToggle}
      data-testid="suggest-mode"
      onMouseDown={(e) => e.preventDefault()}
      onClick={mode.toggle}
    >
      <Icon name="compare" />
      <span>修订模式</span>
    </button>
  )
}
