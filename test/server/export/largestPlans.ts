// The largest plans the default content limits accept (shared/plan/limits.ts), built to the limits' edges.
import { DEFAULT_PLAN_LIMITS, planLimitViolation } from '../../../shared/plan/limits.ts'
import type { Plan, PlanItem, PlanSection } from '../../../shared/plan/types.ts'

const L = DEFAULT_PLAN_LIMITS

/** `n` characters of plan-like Chinese text with a full stop every 30 characters and a paragraph break every 300. */
function prose(n: number, seed: number): string {
  const words = '推进教育高质量发展，落实立德树人根本任务，深化课程改革，加强教师队伍建设，完善督导评估机制（试点）'
  let out = ''
  for (let i = 0; out.length < n; i++) {
    const ch = words[(i * 7 + seed) % words.length]
    out += (i + 1) % 300 === 0 ? '\n' : (i + 1) % 30 === 0 ? '。' : ch
  }
  return out.slice(0, n)
}

function item(id: string, chars: number, seed: number): PlanItem {
  const text = prose(chars, seed)
  const cut = text.indexOf('。') + 1
  return { id, title: text.slice(0, cut), body: text.slice(cut) }
}

/** Fails loudly if a builder's plan is not one the limits accept (the test would prove nothing). */
function accepted(plan: Plan): Plan {
  const violation = planLimitViolation(plan)
  if (violation) throw new Error(`largest plan breaks a limit: ${violation.message}`)
  return plan
}

/**
 * Every count at its limit: 100 sections with 500-character headings, 2,000 items spread over them
 * (some in sub-sections), the rest of the 1,000,000 characters in the items, a 500-character title
 * and a full cover notice.
 */
export function manyItemsPlan(): Plan {
  const headings = L.sections * L.headingChars + L.sections * 2 * L.headingChars
  const perItem = Math.floor((L.totalChars - headings - 10 * L.titleChars) / L.items)
  const perSection = L.items / L.sections
  const sections: PlanSection[] = Array.from({ length: L.sections }, (_, s) => ({
    id: `s${s}`,
    heading: prose(L.headingChars, s).replace(/[。\n]/g, '，'),
    intro: [],
    items: Array.from({ length: perSection / 2 }, (_, k) => item(`i${s}-${k}`, perItem, s + k)),
    subsections: Array.from({ length: 2 }, (_, u) => ({
      id: `u${s}-${u}`,
      heading: prose(L.headingChars, s + u).replace(/[。\n]/g, '，'),
      intro: [],
      items: Array.from({ length: perSection / 4 }, (_, k) => item(`j${s}-${u}-${k}`, perItem, s * u + k)),
    })),
  }))
  return accepted({
    title: prose(L.titleChars, 1).replace(/[。\n]/g, '，'),
    preamble: [prose(L.titleChars, 2)],
    meta: { issuer: '上海市闵行区教育局' },
    notice: { addressee: '各中小学、幼儿园', body: [prose(L.titleChars, 3)], docNumber: '闵教〔2025〕1号', issuer: '上海市闵行区教育局', date: '2025年2月18日' },
    sections,
  })
}

/** The fewest, longest items: 49 items of 20,000 characters each (with paragraph breaks) in one section. */
export function longItemsPlan(): Plan {
  const count = Math.floor((L.totalChars - L.titleChars - L.headingChars) / L.itemChars)
  return accepted({
    title: prose(L.titleChars, 4).replace(/[。\n]/g, '，'),
    preamble: [],
    meta: {},
    sections: [{ id: 's', heading: prose(L.headingChars, 5).replace(/[。\n]/g, '，'), intro: [], subsections: [], items: Array.from({ length: count }, (_, k) => item(`i${k}`, L.itemChars, k)) }],
  })
}
