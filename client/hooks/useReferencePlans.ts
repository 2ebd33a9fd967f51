import { useEffect, useState } from 'react'
import type { DocumentInfo } from '../../shared/api/types.ts'
import { parsePlanJson } from '../../shared/plan/planJson.ts'
import type { Plan } from '../../shared/plan/types.ts'
import { getPlan } from '../api/documents.ts'
import { errorMessage } from '../api/errorMessage.ts'

/** One linked plan as the panels see it. */
export interface ReferencePlan {
  plan: Plan | null
  /** Plain Chinese sentence when it could not be loaded. */
  error: string | null
  loading: boolean
}

/** Last year's plan and the municipal plan a draft is compared with. */
export interface ReferencePlans {
  prior: ReferencePlan
  municipal: ReferencePlan
}

// Fetched once per page load and shared by every panel: these documents are references, edited rarely.
const cache = new Map<string, Promise<Plan>>()
// The same plans once they have arrived, so that a panel opened again shows them at once.
const resolved = new Map<string, Plan>()

/** A linked document's text as a Plan, fetched once (a failed fetch is tried again next time). */
export function loadReferencePlan(id: string): Promise<Plan> {
  let pending = cache.get(id)
  if (!pending) {
    pending = getPlan(id).then((json) => {
      const { plan } = parsePlanJson(json)
      resolved.set(id, plan)
      return plan
    })
    pending.catch(() => cache.delete(id))
    cache.set(id, pending)
  }
  return pending
}

const NONE: ReferencePlan = { plan: null, error: null, loading: false }

/** The prior-year and municipal plans linked to a document (its priorId and municipalId), as Plan JSON from the server. */
export function useReferencePlans(document: DocumentInfo | null): ReferencePlans {
  const prior = useReferencePlan(document?.priorId, '上年计划')
  const municipal = useReferencePlan(document?.municipalId, '市级工作要点')
  return { prior, municipal }
}

function useReferencePlan(id: string | undefined, what: string): ReferencePlan {
  const known = (key: string | undefined): ReferencePlan => {
    const plan = key ? resolved.get(key) : undefined
    return plan ? { plan, error: null, loading: false } : key ? { ...NONE, loading: true } : NONE
  }
  const [state, setState] = useState<ReferencePlan>(() => known(id))
  useEffect(() => {
    setState(known(id))
    if (!id) return
    let live = true
    loadReferencePlan(id).then(
      (plan) => live && setState({ plan, error: null, loading: false }),
      (err: unknown) => live && setState({ plan: null, error: errorMessage(err, `${what}没有载入`), loading: false }),
    )
    return () => {
      live = false
    }
  }, [id, what])
  return state
}
