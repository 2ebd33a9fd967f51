import { ITEM_KIND_LABELS } from '../../../shared/diff/describeChange.ts'
import type { ItemView, SectionView } from '../../review/reviewModel.ts'
import { AuthorsLine, KindChip, TargetNotes } from './ChangeTag.tsx'

/** The line above a changed entry: its kind, what happened in short (原第6、7条合并), target changes, who and when. */
export function ItemChangeHead({ item }: { item: ItemView }) {
  return (
    <div className="rv-head" title={item.description}>
      <KindChip kind={item.kind} label={ITEM_KIND_LABELS[item.kind]} />
      {item.note && <span className="rv-note">{item.note}</span>}
      <TargetNotes targets={item.diff.targets} />
      <AuthorsLine authors={item.authors} />
    </div>
  )
}

/** The line above a changed section heading: 标题修改 原第八部分, 新增部分, 删除部分, 顺序调整 原第五部分. */
export function SectionChangeHead({ section }: { section: SectionView }) {
  return (
    <div className="rv-head">
      <KindChip kind="section" label={section.chip} />
      {section.note && <span className="rv-note">{section.note}</span>}
      <AuthorsLine authors={section.authors} />
    </div>
  )
}
