import { readdirSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { ESLint } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../', import.meta.url))
let eslint: ESLint
let layers: { SHARED_LAYERS: string[][]; SERVER_LAYERS: string[][] }

/** The rule ids ESLint reports for `code` as if it were the file at `filePath` (relative to the repository). */
async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: root + filePath })
  return result.messages.map((m) => m.ruleId ?? m.message)
}

/** Top-level folders of a source folder (files beside them are not layered). */
function folders(dir: string): string[] {
  return readdirSync(root + dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
}

beforeAll(async () => {
  eslint = new ESLint({ cwd: root })
  // A variable specifier: the config is plain JavaScript, read at run time.
  const configUrl = pathToFileURL(root + 'eslint.config.js').href
  layers = (await import(configUrl)) as typeof layers
})

describe('import boundaries (npm run lint)', () => {
  it('refuses shared/ importing server/, client/ or a Node built-in', async () => {
    expect(await problems('shared/plan/x.ts', "import { log } from '../../server/log.ts'\nlog()\n")).toContain('no-restricted-imports')
    expect(await problems('shared/editor/commands/x.ts', "import { a } from '../../../client/api/x.ts'\na()\n")).toContain('no-restricted-imports')
    expect(await problems('shared/text/x.ts', "import { readFileSync } from 'node:fs'\nreadFileSync('a')\n")).toContain('no-restricted-imports')
  })

  it('refuses client/ importing server/ and server/ importing client/', async () => {
    expect(await problems('client/pages/x.tsx', "import { AppError } from '../../server/AppError.ts'\nnew AppError()\n")).toContain('no-restricted-imports')
    expect(await problems('server/http/routes/x.ts', "import { x } from '../../../client/state/x.ts'\nx()\n")).toContain('no-restricted-imports')
  })

  it('refuses a shared/ folder importing one at its own layer or above', async () => {
    expect(await problems('shared/align/x.ts', "import { linksMap } from '../collab/links.ts'\nlinksMap()\n")).toContain('no-restricted-imports')
    expect(await problems('shared/diff/x.ts', "import type { ReviewResponse } from '../api/review.ts'\nexport type R = ReviewResponse\n")).toContain('no-restricted-imports')
    expect(await problems('shared/editor/commands/x.ts', "import { importText } from '../../import/importText.ts'\nimportText()\n")).toContain('no-restricted-imports')
  })

  it('allows the written directions downwards', async () => {
    expect(await problems('shared/collab/x.ts', "import { linkKey } from '../align/links.ts'\nlinkKey()\n")).toEqual([])
    expect(await problems('shared/editor/commands/x.ts', "import { newId } from '../../plan/ids.ts'\nnewId()\n")).toEqual([])
    expect(await problems('server/docs/x.ts', "import type { Rooms } from '../collab/Rooms.ts'\nimport { planOfState } from '../../shared/collab/ydoc.ts'\nexport type R = Rooms\nplanOfState()\n")).toEqual([])
    expect(await problems('client/pages/x.tsx', "import { CLOSE } from '../../shared/api/closeCodes.ts'\nexport const c = CLOSE\n")).toEqual([])
  })

  it('refuses server/collab importing server/docs (docs builds on the rooms)', async () => {
    expect(await problems('server/collab/x.ts', "import type { Documents } from '../docs/documents.ts'\nexport type D = Documents\n")).toContain('no-restricted-imports')
  })

  it('reports explicit any as an error', async () => {
    const [result] = await eslint.lintText('export const x: any = 1\n', { filePath: root + 'shared/plan/x.ts' })
    expect(result.messages.map((m) => [m.ruleId, m.severity])).toContainEqual(['@typescript-eslint/no-explicit-any', 2])
  })

  it('gives every folder of shared/ and server/ a place in the written directions', () => {
    expect(folders('shared').filter((f) => !layers.SHARED_LAYERS.flat().includes(f))).toEqual([])
    expect(folders('server').filter((f) => !layers.SERVER_LAYERS.flat().includes(f))).toEqual([])
  })
})
