import { DEFAULT_DEPARTMENTS, DEPARTMENT_LIMITS } from '../../shared/api/accounts.ts'
import { AppError } from '../AppError.ts'
import type { Storage } from '../storage/Storage.ts'

const KEY = 'departments'

/** The bureau's 科室 list (kept by admins), the defaults until they change it. */
export async function departments(storage: Storage): Promise<string[]> {
  return (await storage.get<string[]>('config', KEY)) ?? [...DEFAULT_DEPARTMENTS]
}

/** Replaces the 科室 list: names trimmed, none empty or repeated; accounts keep a 科室 that left the list. */
export async function setDepartments(storage: Storage, names: string[]): Promise<string[]> {
  const clean = names.map((n) => n.replace(/\s+/g, ' ').trim())
  if (clean.length > DEPARTMENT_LIMITS.count) throw new AppError('bad-department', `科室最多 ${DEPARTMENT_LIMITS.count} 个`)
  for (const name of clean) {
    if (!name) throw new AppError('bad-department', '科室名称不能为空')
    if (name.length > DEPARTMENT_LIMITS.name) throw new AppError('bad-department', `科室名称最多 ${DEPARTMENT_LIMITS.name} 个字`)
  }
  const repeated = clean.find((n, i) => clean.indexOf(n) !== i)
  if (repeated) throw new AppError('bad-department', `科室“${repeated}”重复了`)
  await storage.write([{ type: 'put', collection: 'config', key: KEY, value: clean }])
  return clean
}
