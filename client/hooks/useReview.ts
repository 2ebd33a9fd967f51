import { useEffect, useMemo, useState } from 'react'
import { fieldsInReview } from '../../shared/breakdown/fieldNote.ts'
import { decidedOf, formatReviewBase, type ReviewBaseParam, type ReviewResponse } from '../../shared/api/review.ts'
import { diffPlans } from '../../shared/diff/diffPlans.ts'
import { parsePlanJson } from '../../shared/plan/planJson.ts'
import { errorMessage } from '../api/errorMessage.ts'
import { getReview } from '../api/review.ts'
import { reviewModel, type ReviewModel } from '../review/reviewModel.ts'

/** A loaded review: what the server sent and the model the page draws. */
export interface LoadedReview {
  response: ReviewResponse
  model: ReviewModel
  oldTitle: string
  newTitle: string
}

interface State {
  /** The base the answer is for. */
  base: string
  /** The request (base and generation) last answered. */
  answered: string
  response: ReviewResponse | null
  error: string | null
}

/**
 * Loads both texts for a base and diffs them here in the browser (shared/diff is pure and takes a
 * few milliseconds for a 60-item plan), so switching views or filters never asks the server again.
 * A new `generation` loads the current text again (others may have edited it meanwhile); the last
 * answer stays on screen until the new one arrives.
 */
export function useReview(docId: string, base: ReviewBaseParam | null, generation = 0): { review: LoadedReview | null; error: string | null; loading: boolean } {
  const baseKey = base ? formatReviewBase(base) : ''
  const request = `${baseKey}#${generation}`
  const [state, setState] = useState<State>({ base: '', answered: '', response: null, error: null })
  useEffect(() => {
    if (!base) return
    let live = true
    getReview(docId, base).then(
      (response) => live && setState({ base: baseKey, answered: request, response, error: null }),
      (err: unknown) => live && setState({ base: baseKey, answered: request, response: null, error: errorMessage(err, '修改没有载入，请稍后重试') }),
    )
    return () => {
      live = false
    }
    // `request` stands for `base` and `generation`: a new object with the same value must not reload.
  }, [docId, request])
  const computed = useMemo((): { review: LoadedReview | null; error: string | null } => {
    const response = state.response
    if (!response) return { review: null, error: null }
    try {
      const oldPlan = parsePlanJson(response.old).plan
      const newPlan = parsePlanJson(response.new).plan
      return {
        review: { response, model: reviewModel(diffPlans(...fieldsInReview(oldPlan, newPlan)), response.authors, decidedOf(response.suggestions)), oldTitle: oldPlan.title, newTitle: newPlan.title },
        error: null,
      }
    } catch {
      return { review: null, error: '服务器送来的文本无法读取，请刷新后重试' }
    }
  }, [state.response])
  const sameBase = !!base && state.base === baseKey
  return {
    review: sameBase ? computed.review : null,
    error: sameBase ? (state.error ?? computed.error) : null,
    loading: !!base && state.answered !== request,
  }
}
