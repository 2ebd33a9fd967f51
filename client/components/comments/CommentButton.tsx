import { formatShortcut } from '../../editor/formatShortcut.ts'
import { Icon } from '../Icon.tsx'
import { COMMENT_SHORTCUT } from './commentRoles.ts'
import { REQUEST_COMMENT } from './CommentComposer.tsx'

/** 批注 on the toolbar: asks the page's CommentComposer to comment on the selected words (or the whole item). */
export function CommentButton({ allowed }: { allowed: boolean }) {
  if (!allowed) return null
  const tip = `批注选中的文字；不选文字则批注整条（${formatShortcut(COMMENT_SHORTCUT)}）`
  return (
    <button type="button" className="tool-button" title={tip} aria-label={tip} data-testid="add-comment" onMouseDown={(e) => e.preventDefault()} onClick={() => window.dispatchEvent(new Event(REQUEST_COMMENT))}>
      <Icon name="comment" />
      <span>批注</span>
    </button>
  )
}
