import type { Link } from '../../shared/collab/links.ts'
import { formatTime } from './labels.ts'

/** Who decided a link and when: 张伟 · 今天 10:05. */
export function LinkByline({ link }: { link: Link }) {
  return (
    <span className="link-byline" data-testid="link-byline">
      {link.byName ?? '协作者'} · {formatTime(link.at)}
    </span>
  )
}
