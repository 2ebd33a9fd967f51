import { createContext, useContext } from 'react'
import type { ReviewSuggestion } from '../../../shared/api/review.ts'
import { adoptionText } from '../../../shared/review/adoption.ts'
import type { ItemView } from '../../review/reviewModel.ts'
import { SuggestionLine } from './SuggestionLine.tsx'

/** The 修订 the filter shows, by the key of the diff entry they belong to (empty outside the review page). */
export const ItemSuggestionsContext = createContext<ReadonlyMap<string, ReviewSuggestion[]>>(new Map())

/** Beside an entry of the diff: its 采纳情况 (the review model's, as the 修改对照表 prints it) and its 修订 that pass the filter. */
export function ItemSuggestions({ item }: { item: ItemView }) {
  const list = useContext(ItemSuggestionsContext).get(item.key) ?? []
  if (!list.length && !item.adoption) return null
  return (
    <div className="rv-item-suggestions" data-testid="item-suggestions">
      {item.adoption && (
        <p className={`rv-adoption ${item.adoption.label === '采纳' ? 'accepted' : item.adoption.label === '未采纳' ? 'rejected' : 'partial'}`} data-testid="item-adoption">
          采纳情况：{adoptionText(item.adoption)}
        </p>
      )}
      {list.length > 0 && (
        <ul className="rv-suggestion-list">
          {list.map((s) => (
            <SuggestionLine key={s.id} s={s} />
          ))}
        </ul>
      )}
    </div>
  )
}
