import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TemplateInfo } from '../../shared/api/types.ts'
import { inferMeta } from '../../shared/import/meta.ts'
import { PlanError } from '../../shared/plan/errors.ts'
import { newId } from '../../shared/plan/ids.ts'
import { parsePlanJson } from '../../shared/plan/planJson.ts'
import type { Plan } from '../../shared/plan/types.ts'

/** Folder holding the template files (templates/*.plan.json at the top of the project). */
export const TEMPLATES_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../templates')

interface TemplateFile {
  info: TemplateInfo
  plan: Plan
}

/** Reads every templates/*.plan.json; each is Plan JSON with a `template` block naming it. */
function readTemplates(dir = TEMPLATES_DIR): TemplateFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.plan.json'))
    .sort()
    .map((f) => readTemplate(dir, f))
}

/** One template file; a broken one is refused with its file name in the message. */
function readTemplate(dir: string, file: string): TemplateFile {
  try {
    const raw = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { template?: Partial<TemplateInfo> }
    const name = raw.template?.name ?? file.replace('.plan.json', '')
    return {
      info: { name, title: raw.template?.title ?? name, description: raw.template?.description ?? '' },
      plan: parsePlanJson(raw).plan,
    }
  } catch (err) {
    const problem = err instanceof PlanError ? err.message : '不是有效的 JSON'
    throw new PlanError('invalid-plan-json', `模板文件 ${file} 无效：${problem}`)
  }
}

/** The templates a new document can start from. */
export function listTemplates(dir?: string): TemplateInfo[] {
  return readTemplates(dir).map((t) => t.info)
}

/**
 * A new plan from a template, with fresh ids. A given title replaces the template's placeholder
 * title everywhere the cover notice repeats it, and sets the year and period. Throws PlanError for an unknown name.
 */
export function instantiateTemplate(name: string, title?: string, dir?: string): Plan {
  const templates = readTemplates(dir)
  const found = templates.find((t) => t.info.name === name)
  if (!found) throw new PlanError('unsupported-format', `没有名为“${name}”的模板（可用的模板：${templates.map((t) => t.info.name).join('、')}）`)
  const plan = found.plan
  if (title) retitle(plan, title)
  for (const s of plan.sections) {
    s.id = newId('s')
    for (const u of s.subsections) u.id = newId('u')
    for (const item of [...s.items, ...s.subsections.flatMap((u) => u.items)]) item.id = newId('i')
  }
  return plan
}

/** Puts a new title in place of the template's own, in the cover notice too, and takes the year and period from it. */
function retitle(plan: Plan, title: string): void {
  const old = plan.title
  const swap = (text: string): string => (old ? text.split(old).join(title) : text)
  plan.title = title
  if (plan.notice) {
    if (plan.notice.title) plan.notice.title = swap(plan.notice.title)
    plan.notice.body = plan.notice.body.map(swap)
    if (plan.notice.attachment) plan.notice.attachment = swap(plan.notice.attachment)
  }
  const meta = inferMeta(title)
  if (meta.year !== undefined) plan.meta.year = meta.year
  if (meta.period !== undefined) plan.meta.period = meta.period
}
