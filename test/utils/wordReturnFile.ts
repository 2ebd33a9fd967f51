// A .docx returned by a department, made for real: LibreOffice (Python UNO, libreofficeRevise.py)
// revises our export with 修订 on and adds 批注, as a department does in Word or WPS.
import { execFile, spawnSync } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { Plan, PlanItem } from '../../shared/plan/types.ts'
import { inCi, toolsMissing } from './tools.ts'

const PYTHON = '/usr/bin/python3'
const REVISE = new URL('./libreofficeRevise.py', import.meta.url).pathname
const INSTALL = 'apt-get install -y libreoffice-writer-nogui python3-uno'

/** What the department does in the file: recorded changes by one author, and comments (see libreofficeRevise.py). */
export interface WordEdits {
  author: string
  edits: { kind: 'replace' | 'insert-after' | 'delete'; find: string; text?: string }[]
  comments?: { find: string; text: string; author: string }[]
}

/** Why a test that needs LibreOffice cannot run (skipped outside CI; under CI=true a missing tool throws, so the test fails). */
export function libreOfficeMissing(): string | undefined {
  const programs = toolsMissing(['soffice'], INSTALL, 'Word return made by LibreOffice')
  if (programs) return programs
  if (spawnSync(PYTHON, ['-c', 'import uno']).status === 0) return undefined
  const reason = `Word return made by LibreOffice: Python UNO (${PYTHON} -c "import uno") not installed (${INSTALL})`
  if (inCi()) throw new Error(`${reason}; CI=true, so this fails instead of skipping`)
  return `${reason}; skipped`
}

/** Revises a .docx in LibreOffice with 修订 on and returns the saved file (every `find` must occur once). */
export async function reviseInLibreOffice(docx: Uint8Array, edits: WordEdits): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'word-return-'))
  try {
    await writeFile(join(dir, 'in.docx'), docx)
    await writeFile(join(dir, 'edits.json'), JSON.stringify(edits))
    await promisify(execFile)(PYTHON, [REVISE, join(dir, 'in.docx'), join(dir, 'out.docx'), join(dir, 'edits.json'), join(dir, 'profile')], { timeout: 90_000 })
    return new Uint8Array(await readFile(join(dir, 'out.docx')))
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

const item = (title: string, body: string): PlanItem => ({ id: '', title, body })

/** The plan as exported for 征求意见: two sections, five items. */
export function exportedPlan(): Plan {
  return {
    title: '2026年区教育工作要点',
    preamble: [],
    meta: {},
    sections: [
      {
        id: '',
        heading: '加强党的建设',
        intro: [],
        subsections: [],
        items: [item('深化理论学习。', '组织干部参加专题培训，全年不少于四次。'), item('完善基层组织。', '推动支部标准化建设。\n第二段正文内容。')],
      },
      {
        id: '',
        heading: '提高教育质量',
        intro: [],
        subsections: [],
        items: [item('推进课程改革。', '在全区中小学推广项目化学习。'), item('加强教师培训。', '实施新教师规范化培训。'), item('保障校园安全。', '落实安全责任制，开展应急演练。')],
      },
    ],
  }
}

/** What the department did with 修订 on: a replacement and an insertion in item 1 and 2, a deletion in item 2's second paragraph, a change in item 5, a comment on item 3. */
export const DEPARTMENT_EDITS: WordEdits = {
  author: '张三（基教科）',
  edits: [
    { kind: 'replace', find: '四次', text: '六次' },
    { kind: 'insert-after', find: '推动支部', text: '全面' },
    { kind: 'delete', find: '内容' },
    { kind: 'replace', find: '应急演练', text: '消防演练' },
  ],
  comments: [{ find: '项目化学习', text: '建议写明推广的学段', author: '王五（德育科）' }],
}
