import type { ReviewFilter } from '../../review/reviewFilter.ts'
import { foldEntries, isFiltering, sectionVisible } from '../../review/reviewFilter.ts'
import type { ItemView, ReviewModel, SectionView } from '../../review/reviewModel.ts'
import { AuthorsLine, KindChip } from './ChangeTag.tsx'
import { ItemChangeHead, SectionChangeHead } from './ItemChangeHead.tsx'
import { ItemSuggestions } from './ItemSuggestions.tsx'
import { MarkedLine, MarkedParagraphs } from './MarkedText.tsx'

/** 对照: old | new, aligned entry by entry, with what changed (and who changed it) in a third column, like a 修改对照表. */
export function SideBySideReview({ model, filter, oldCaption, newCaption }: { model: ReviewModel; filter: ReviewFilter; oldCaption: string; newCaption: string }) {
  const filtering = isFiltering(filter)
  const sections = model.sections.filter((s) => sectionVisible(s, filter))
  return (
    <div className="compare" data-testid="review-side">
      <div className="compare-row compare-header">
        <div className="compare-cell">
          原文<span className="compare-caption">{oldCaption}</span>
        </div>
        <div className="compare-cell">
          修改后<span className="compare-caption">{newCaption}</span>
        </div>
        <div className="compare-cell">修改说明</div>
      </div>
      {(!filtering || model.title.changed) && (
        <div className={`compare-row compare-title${model.title.changed ? ' changed' : ''}`} data-kind={model.title.changed ? 'reworded' : 'unchanged'}>
          <div className="compare-cell old">
            <MarkedLine paragraphs={model.title.old} />
          </div>
          <div className="compare-cell new">
            <MarkedLine paragraphs={model.title.new} />
          </div>
          <div className="compare-cell note">
            {model.title.changed && (
              <div className="rv-head">
                <KindChip kind="reworded" label="标题修改" />
                <AuthorsLine authors={model.title.authors} />
              </div>
            )}
          </div>
        </div>
      )}
      {model.preamble.spans.length > 0 && (!filtering || model.preamble.changed) && (
        <div className={`compare-row compare-preamble${model.preamble.changed ? ' changed' : ''}`} data-kind={model.preamble.changed ? 'reworded' : 'unchanged'}>
          <div className="compare-cell old">{model.preamble.old.length ? <MarkedParagraphs paragraphs={model.preamble.old} /> : <span className="compare-none">（无）</span>}</div>
          <div className="compare-cell new">{model.preamble.new.length ? <MarkedParagraphs paragraphs={model.preamble.new} /> : <span className="compare-none">（已删除）</span>}</div>
          <div className="compare-cell note">
            {model.preamble.changed && (
              <div className="rv-head">
                <KindChip kind="reworded" label="导语修改" />
                <AuthorsLine authors={model.preamble.authors} />
              </div>
            )}
          </div>
        </div>
      )}
      {sections.map((s) => (
        <SectionRows key={s.key} section={s} filter={filter} />
      ))}
      {filtering && sections.length === 0 && <p className="rv-empty">没有符合筛选条件的修改。</p>}
    </div>
  )
}

function SectionRows({ section, filter }: { section: SectionView; filter: ReviewFilter }) {
  const d = section.diff
  return (
    <>
      <div id={`rv-${section.key}`} className={`compare-row compare-section${section.changed ? ' changed' : ''}`} data-kind={section.kind}>
        <div className="compare-cell old">
          {d.old ? (
            <>
              <span className="rv-num">{d.old.label}</span>
              <MarkedLine paragraphs={section.oldHeading ?? []} />
            </>
          ) : (
            <span className="compare-none">（无）</span>
          )}
        </div>
        <div className="compare-cell new">
          {d.new ? (
            <>
              <span className="rv-num">{d.new.label}</span>
              <MarkedLine paragraphs={section.newHeading ?? []} />
            </>
          ) : (
            <span className="compare-none">（已删除）</span>
          )}
        </div>
        <div className="compare-cell note">{section.changed ? <SectionChangeHead section={section} /> : section.note && <span className="rv-renumbered">{section.note}</span>}</div>
      </div>
      {foldEntries(section.items, filter).map((e) =>
        e.type === 'fold' ? (
          <div key={e.key} className="compare-fold">
            {e.label}
          </div>
        ) : (
          <ItemRow key={e.item.key} item={e.item} />
        ),
      )}
      {section.subsections
        .filter((u) => sectionVisible(u, filter))
        .map((u) => (
          <SectionRows key={u.key} section={u} filter={filter} />
        ))}
    </>
  )
}

/** An entry's row: the 原文 and 修改后 cells of the review model (the 修改对照表 prints the same cells). */
function ItemRow({ item }: { item: ItemView }) {
  return (
    <div id={`rv-${item.key}`} className={`compare-row${item.changed ? ' changed' : ''}`} data-kind={item.kind} data-testid={item.changed ? 'review-change' : undefined}>
      <div className="compare-cell old">{item.old ? <MarkedParagraphs paragraphs={item.old} /> : <span className="compare-none">（无）</span>}</div>
      <div className="compare-cell new">{item.new ? <MarkedParagraphs paragraphs={item.new} /> : <span className="compare-none">（已删除）</span>}</div>
      <div className="compare-cell note">
        {item.changed && <ItemChangeHead item={item} />}
        <ItemSuggestions item={item} />
      </div>
    </div>
  )
}
