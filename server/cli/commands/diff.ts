import { resolve } from 'node:path'
import { changeSnippet } from '../../../shared/diff/changeSnippet.ts'
import { describeChange, ITEM_KIND_LABELS, SECTION_KIND_LABELS } from '../../../shared/diff/describeChange.ts'
import { diffPlans } from '../../../shared/diff/diffPlans.ts'
import type { ItemDiff, PlanDiff, PlanTargetChange, SectionDiff, SectionRef } from '../../../shared/diff/types.ts'
import { formatTarget } from '../../../shared/targets/formatTarget.ts'
import type { Plan } from '../../../shared/plan/types.ts'
import { diffTableDocx } from '../../export/diffTable.ts'
import { writeFileAtomic } from '../../export/writeFileAtomic.ts'
import { readPlanFile } from '../../import/readPlanFile.ts'
import { CliError, parseArgs, type CliCommand } from '../command.ts'
import { checkFlags } from './import.ts'

const USAGE = '用法: plan diff OLD NEW [--json] [--all] [--ignore-ids] [--docx OUT.docx]（OLD、NEW 为 .txt、.docx 或 Plan JSON）'

/**
 * `plan diff OLD NEW`: what changed between two plans, item by item (matched by id, content, merge
 * and split), as a Chinese summary, as JSON (--json) or as a 修改对照表 .docx (--docx OUT.docx).
 */
export const command: CliCommand = async (args, io) => {
  const { positional, flags } = parseArgs(args, ['docx'])
  checkFlags(flags, ['json', 'all', 'ignore-ids', 'docx'], USAGE)
  if (positional.length !== 2) throw new CliError(USAGE, 2)
  const out = flags.get('docx')
  if (out === true || out === '') throw new CliError(`参数 --docx 需要输出文件名。${USAGE}`, 2)
  if (out !== undefined && !/\.docx$/i.test(out)) throw new CliError(`--docx 的输出文件应以 .docx 结尾：${out}`, 2)
  const [oldFile, newFile] = await Promise.all(positional.map((p) => readPlanFile(p, io.stdin)))
  const diff = diffPlans(oldFile.plan, newFile.plan, { useIds: !flags.has('ignore-ids') })
  if (out !== undefined) {
    const bytes = await diffTableDocx(diff, { oldTitle: oldFile.plan.title, newTitle: newFile.plan.title })
    await writeFileAtomic(resolve(out), bytes)
    io.stderr.write(`已生成修改对照表：${out}\n`)
  }
  io.stdout.write(flags.has('json') ? JSON.stringify(diffJson(diff, oldFile.plan, newFile.plan), null, 2) + '\n' : humanReport(diff, flags.has('all')))
  return 0
}

/** The documented --json form: one entry per match, addition or removal, numbers as printed in each plan. */
export function diffJson(d: PlanDiff, oldPlan: Plan, newPlan: Plan): unknown {
  return {
    old: { title: oldPlan.title, items: d.summary.oldItems, sections: oldPlan.sections.length },
    new: { title: newPlan.title, items: d.summary.newItems, sections: newPlan.sections.length },
    summary: d.summary,
    sections: d.sections.map((s) => ({
      kind: s.kind,
      level: s.level,
      old: s.old ? s.old.number : null,
      new: s.new ? s.new.number : null,
      oldHeading: s.old?.heading ?? null,
      newHeading: s.new?.heading ?? null,
      moved: s.moved,
    })),
    items: d.items.map((e) => ({
      kind: e.kind,
      old: e.old.map((r) => r.number),
      new: e.new.map((r) => r.number),
      moved: e.moved,
      movedSection: e.movedSection,
      reworded: e.reworded,
      matchedBy: e.matchedBy,
      similarity: e.similarity,
      oldSection: e.old.map((r) => r.section.number),
      newSection: e.new.map((r) => r.section.number),
      oldTitle: e.old.map((r) => r.title),
      newTitle: e.new.map((r) => r.title),
      description: describeChange(e),
      targets: e.targets.map((t) => t.description),
      spans: e.kind === 'unchanged' ? [] : e.spans,
    })),
    targets: d.targets.map(targetJson),
    timedOut: d.timedOut,
  }
}

function targetJson(t: PlanTargetChange): unknown {
  return {
    kind: t.kind,
    subject: t.subject,
    old: t.old ? formatTarget(t.old) : null,
    new: t.new ? formatTarget(t.new) : null,
    oldValue: t.old ? t.old.value : null,
    newValue: t.new ? t.new.value : null,
    unit: (t.new ?? t.old)?.unit ?? null,
    weaker: t.weaker,
    oldItems: t.oldItems,
    newItems: t.newItems,
    description: t.description,
  }
}

/** The Chinese summary and one line per changed entry (every entry with --all). */
export function humanReport(d: PlanDiff, all: boolean): string {
  const s = d.summary
  const lines: string[] = []
  lines.push(`比较：${d.title.old || '（无标题）'}（${s.oldItems}条） → ${d.title.new || '（无标题）'}（${s.newItems}条）`)
  const counts = (['reworded', 'moved', 'merged', 'split', 'added', 'removed'] as const).filter((k) => s[k]).map((k) => `${ITEM_KIND_LABELS[k]} ${s[k]}`)
  lines.push(s.changed ? `条目：${s.changed} 处变化（${counts.join('，')}），未修改 ${s.unchanged}` : `条目：没有变化（${s.unchanged} 条未修改）`)
  const sectionLines = d.sections.filter((x) => x.kind !== 'unchanged' || x.moved).map(sectionLine)
  if (sectionLines.length) lines.push('部分：', ...sectionLines.map((l) => `  ${l}`))
  if (d.targets.length) lines.push(`指标变化 ${d.targets.length} 处：`, ...d.targets.map((t) => `  ${t.description}　[${numbers(t.oldItems, t.newItems)}]`))
  const shown = d.items.filter((e) => all || e.kind !== 'unchanged')
  if (shown.length) lines.push('逐条：', ...shown.flatMap(itemLines))
  if (d.timedOut) lines.push('注意：部分条目文字改动过多，超过比较的计算量上限，改动部分按整段替换显示。')
  return lines.join('\n') + '\n'
}

function sectionLine(x: SectionDiff): string {
  const name = (r: SectionRef | undefined): string => (r ? `${r.label}${r.heading}` : '')
  const label = x.kind === 'unchanged' ? '调整顺序' : SECTION_KIND_LABELS[x.kind]
  const what = x.kind === 'added' ? name(x.new) : x.kind === 'removed' ? name(x.old) : x.kind === 'renamed' ? `${name(x.old)} → ${name(x.new)}` : `${name(x.old)} → ${x.new?.label ?? ''}`
  return `${label}　${x.level === 'subsection' ? '（子部分）' : ''}${what}${x.moved && x.kind !== 'unchanged' ? '（并调整顺序）' : ''}`
}

function itemLines(e: ItemDiff): string[] {
  const label = ITEM_KIND_LABELS[e.kind].padEnd(3, '　')
  const where = numbers(
    e.old.map((r) => r.number),
    e.new.map((r) => r.number),
  )
  const title = (e.new[0] ?? e.old[0]).title
  const lines = [`  ${label} ${where}　${title}`]
  if (e.kind !== 'added' && e.kind !== 'removed' && e.kind !== 'unchanged') lines.push(`        ${e.reworded ? `相似度 ${e.similarity.toFixed(2)}；` : ''}${describeChange(e)}`)
  if (e.reworded && e.kind !== 'merged' && e.kind !== 'split') lines.push(`        ${changeSnippet(e.spans)}`)
  return lines
}

/** 15. → 12. / 原6.+7. → 6. / 新增 25. / 删除 1. */
function numbers(old: number[], neu: number[]): string {
  const show = (ns: number[]): string => ns.map((n) => `${n}.`).join('+')
  if (!old.length) return `→ ${show(neu)}`
  if (!neu.length) return `${show(old)} →`
  return `${show(old)} → ${show(neu)}`
}
