// Import speed: a realistic 60-item plan (seed 000's items twice over, renumbered), each seed, and
// the same 60 items as a Word file with automatic numbering.
import { readFileSync } from 'node:fs'
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, TextRun } from 'docx'
import { importDocx } from '../../server/import/docx.ts'
import { importText } from '../../shared/import/importText.ts'
import { allItems } from '../../shared/plan/numbering.ts'
import { renderPlanText } from '../../shared/plan/render.ts'
import type { Plan } from '../../shared/plan/types.ts'
import { SEED_PATHS } from '../utils/seeds.ts'
import { report, time } from './timing.ts'

/** Seed 000 with every section's items doubled: 8 sections, 60 items of real length. */
function sixtyItemPlan(): Plan {
  const plan = importText(readFileSync(SEED_PATHS.district, 'utf8')).plan
  for (const s of plan.sections) s.items = [...s.items, ...s.items.map((i) => ({ ...i, id: `${i.id}b` }))]
  return plan
}

async function sixtyItemDocx(plan: Plan): Promise<Uint8Array> {
  const children = [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: plan.title, bold: true })] }), ...plan.preamble.map((p) => new Paragraph(p))]
  for (const s of plan.sections) {
    children.push(new Paragraph({ numbering: { reference: 'sections', level: 0 }, children: [new TextRun(s.heading)] }))
    for (const i of s.items) children.push(new Paragraph({ numbering: { reference: 'items', level: 0 }, children: [new TextRun({ text: i.title, bold: true }), new TextRun(i.body)] }))
  }
  const doc = new Document({
    numbering: {
      config: [
        { reference: 'sections', levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', start: 1 }] },
        { reference: 'items', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', start: 1 }] },
      ],
    },
    sections: [{ children }],
  })
  return new Uint8Array(await Packer.toBuffer(doc))
}

/** Prints import timings (median of 50 runs after warm-up). */
export async function run(): Promise<void> {
  const plan = sixtyItemPlan()
  const lines = renderPlanText(plan)
  // The same plan with no line breaks at all, as seed 000 was copied from its site.
  const unbroken = lines.replace(/\n+/g, ' ')
  const check = (text: string): void => {
    const n = allItems(importText(text).plan).length
    if (n !== 60) throw new Error(`60-item plan imported as ${n} items`)
  }
  check(lines)
  check(unbroken)
  console.log(`60-item plan: ${lines.length} characters`)
  report('importText, 60-item plan, one paragraph per line', (await time(() => importText(lines))).median, 20)
  report('importText, 60-item plan, no line breaks', (await time(() => importText(unbroken))).median, 20)
  const district = readFileSync(SEED_PATHS.district, 'utf8')
  const municipal = readFileSync(SEED_PATHS.municipal, 'utf8')
  report('importText, seed 000 (30 items, 19.7 KB)', (await time(() => importText(district))).median, 20)
  report('importText, seed 001 (18 items, truncated, page markers)', (await time(() => importText(municipal))).median, 20)
  const docx = await sixtyItemDocx(plan)
  const t = await time(() => importDocx(docx), 20, 3)
  report('importDocx, 60-item plan with Word auto-numbering', t.median, undefined, `p99 ${t.p99.toFixed(1)} ms, ${(docx.length / 1024).toFixed(0)} KB`)
}
