import type { ItemChangeKind } from '../../../shared/diff/types.ts'
import type { AuthorView } from '../../../shared/diff/entryAuthors.ts'
import { Avatar } from '../Avatar.tsx'
import { formatTime } from '../labels.ts'

/** What a chip's colour stands for: an item change kind, or a section change. */
export type ChipKind = ItemChangeKind | 'section'

/** A small coloured label naming a change: 修改, 新增, 删除, 移动, 合并, 拆分, 标题修改 … */
export function KindChip({ kind, label }: { kind: ChipKind; label: string }) {
  return (
    <span className="rv-chip" data-kind={kind}>
      {label}
    </span>
  )
}

/** Who made a change and when: avatar in their caret colour, name, time of their latest change. */
export function AuthorsLine({ authors }: { authors: AuthorView[] }) {
  if (!authors.length) return null
  return (
    <span className="rv-authors" data-testid="change-authors">
      {authors.map((a) => (
        <span key={a.userId} className="rv-author" title={`${a.name}，最后修改于 ${formatTime(a.at)}`}>
          <Avatar name={a.name} color={a.color} size={20} />
          <span className="rv-author-name">{a.name}</span>
          <span className="rv-author-time">{formatTime(a.at)}</span>
        </span>
      ))}
    </span>
  )
}

/** Target changes of an entry as small notes: 指标 公办幼儿园覆盖率 60% → 65%（提高）. */
export function TargetNotes({ targets }: { targets: { description: string; weaker: boolean }[] }) {
  if (!targets.length) return null
  return (
    <span className="rv-targets">
      {targets.map((t, i) => (
        <span key={i} className={`rv-target${t.weaker ? ' weaker' : ''}`}>
          <span className="rv-target-label">指标</span>
          {t.description}
        </span>
      ))}
    </span>
  )
}
