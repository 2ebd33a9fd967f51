import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { importText } from '../../shared/import/importText.ts'
import type { Plan } from '../../shared/plan/types.ts'

/** Path of a seed file in seeds/. */
export const SEED_PATHS = {
  district: fileURLToPath(new URL('../../seeds/000_0882e530d28cc30b.txt', import.meta.url)),
  municipal: fileURLToPath(new URL('../../seeds/001_95a2f46e01527285.txt', import.meta.url)),
} as const

/** The district seed (2021年下半年闵行教育工作要点) imported fresh. */
export function districtSeed(): Plan {
  return importText(readFileSync(SEED_PATHS.district, 'utf8')).plan
}

/** The municipal seed (2024年上海市教育委员会工作要点) imported fresh. */
export function municipalSeed(): Plan {
  return importText(readFileSync(SEED_PATHS.municipal, 'utf8')).plan
}
