import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { importText } from '../../../shared/import/importText.ts'
import { itemPlaces } from '../../../shared/plan/numbering.ts'
import type { Closing, CoverNotice, Plan } from '../../../shared/plan/types.ts'

/** Folder of the real-document fixtures: NN-name.txt with NN-name.expected.json beside it. */
export const REAL_FIXTURES = fileURLToPath(new URL('../../fixtures/import/real/', import.meta.url))

/** The outline a fixture must import to, written by hand before the importer ran on it. */
export interface ExpectedOutline {
  shape: string
  source?: string
  title: string
  /** null: the text has no cover notice; otherwise the fields given must match. */
  notice: Partial<CoverNotice> | null
  sections: { heading: string; items: string[]; subsections?: { heading: string; items: string[] }[] }[]
  preamble?: string[]
  closing?: Closing
  /** Item bodies by 1-based item number, for fixtures where the body matters. */
  bodies?: Record<string, string>
  /** Strings that must appear nowhere in the plan (site lines). */
  absent: string[]
  /** Warning codes that must be among the import's warnings. */
  warnings: string[]
}

/** One fixture with what its import got wrong (empty when exactly right). */
export interface FixtureScore {
  name: string
  problems: string[]
}

/** Names of all fixtures, in order. */
export function fixtureNames(): string[] {
  return readdirSync(REAL_FIXTURES)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.slice(0, -4))
    .sort()
}

/** Imports one fixture and lists every way it differs from its expected outline. */
export function scoreFixture(name: string): FixtureScore {
  const text = readFileSync(`${REAL_FIXTURES}${name}.txt`, 'utf8')
  const expected = JSON.parse(readFileSync(`${REAL_FIXTURES}${name}.expected.json`, 'utf8')) as ExpectedOutline
  let plan: Plan
  let codes: string[]
  try {
    const result = importText(text)
    plan = result.plan
    codes = result.warnings.map((w) => w.code)
  } catch (err) {
    return { name, problems: [`import failed: ${(err as Error).message}`] }
  }
  return { name, problems: compare(plan, codes, expected) }
}

function compare(plan: Plan, codes: string[], expected: ExpectedOutline): string[] {
  const problems: string[] = []
  const check = (what: string, got: unknown, want: unknown): void => {
    if (stable(got) !== stable(want)) problems.push(`${what}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`)
  }
  check('title', plan.title, expected.title)
  if (expected.notice === null) check('notice', plan.notice, undefined)
  else for (const [key, want] of Object.entries(expected.notice)) check(`notice.${key}`, plan.notice?.[key as keyof CoverNotice], want)
  check(
    'outline',
    outline(plan),
    expected.sections.map((s) => ({ heading: s.heading, items: s.items, subsections: s.subsections ?? [] })),
  )
  if (expected.preamble) check('preamble', plan.preamble, expected.preamble)
  if (expected.closing) check('closing', plan.closing, expected.closing)
  const places = itemPlaces(plan)
  for (const [n, body] of Object.entries(expected.bodies ?? {})) check(`body of item ${n}`, places[Number(n) - 1]?.item.body, body)
  const all = JSON.stringify(plan)
  for (const s of expected.absent) if (all.includes(s)) problems.push(`site text left in: ${s}`)
  for (const c of expected.warnings) if (!codes.includes(c)) problems.push(`warning missing: ${c}`)
  return problems
}

function outline(plan: Plan): ExpectedOutline['sections'] {
  return plan.sections.map((s) => ({
    heading: s.heading,
    items: s.items.map((i) => i.title),
    subsections: s.subsections.map((u) => ({ heading: u.heading, items: u.items.map((i) => i.title) })),
  }))
}

/** JSON with object keys sorted, so that key order does not count as a difference. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v)) ?? 'undefined'
}
