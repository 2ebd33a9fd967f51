import { resolve } from 'node:path'
import type { GlobalRole } from '../../../shared/api/types.ts'
import { AppError } from '../../AppError.ts'
import { scryptCost } from '../../auth/passwords.ts'
import { Users } from '../../auth/users.ts'
import { silentLog } from '../../log.ts'
import { openStorage } from '../../storage/openStorage.ts'
import { StorageLockedError, type Storage } from '../../storage/Storage.ts'
import { CliError, parseArgs, type CliCommand } from '../command.ts'

const USAGE = `用法:
  plan user add NAME --role admin|member --password PW [--display-name 显示名] [--data DIR]
  plan user passwd NAME --password PW [--data DIR]
  plan user list [--data DIR]
数据目录默认取环境变量 DATA_DIR，否则为 ./data。服务器运行时数据库被锁定，请先停止服务器，或由管理员在网页上操作；设了 DATABASE_URL 时账号在 PostgreSQL 中，服务器运行时也可操作。`

/** `plan user add|passwd|list`: manages accounts directly in the data folder while the server is stopped. */
export const command: CliCommand = async (args, io) => {
  const { positional, flags } = parseArgs(args, ['role', 'password', 'data', 'display-name'])
  const [action, name] = positional
  if (!action || flags.has('help') || flags.has('h')) {
    io.stdout.write(USAGE + '\n')
    return action ? 0 : 2
  }
  const dataDir = resolve(stringFlag(flags.get('data')) ?? io.env.DATA_DIR ?? './data')
  // A bad PASSWORD_SCRYPT_N is the operator's setting, not an internal error: say so before opening the data folder.
  try {
    scryptCost(io.env)
  } catch (err) {
    throw new CliError((err as Error).message)
  }
  return withUsers(dataDir, io.env.DATABASE_URL || undefined, async (users) => {
    switch (action) {
      case 'add': {
        if (!name) throw new CliError(`缺少用户名。\n${USAGE}`, 2)
        const role = stringFlag(flags.get('role'))
        if (role !== 'admin' && role !== 'member') throw new CliError('请用 --role admin 或 --role member 指定角色', 2)
        const password = requiredPassword(flags.get('password'))
        const user = await users.create({ name, password, role: role as GlobalRole, displayName: stringFlag(flags.get('display-name')) })
        io.stdout.write(`已创建账号 ${user.name}（${user.role === 'admin' ? '管理员' : '成员'}），数据目录 ${dataDir}\n`)
        return 0
      }
      case 'passwd': {
        if (!name) throw new CliError(`缺少用户名。\n${USAGE}`, 2)
        const user = await users.findByName(name)
        if (!user) throw new CliError(`没有名为“${name}”的账号`)
        await users.setPassword(user.id, requiredPassword(flags.get('password')))
        io.stdout.write(`已重设 ${user.name} 的密码\n`)
        return 0
      }
      case 'list': {
        for (const user of await users.list()) io.stdout.write(`${user.name}\t${user.role}\t${user.displayName}\n`)
        return 0
      }
      default:
        throw new CliError(`未知操作“${action}”。\n${USAGE}`, 2)
    }
  })
}

async function withUsers(dataDir: string, databaseUrl: string | undefined, fn: (users: Users) => Promise<number>): Promise<number> {
  let storage: Storage
  try {
    // DATABASE_URL: the accounts live in PostgreSQL, as for the server.
    storage = await openStorage(dataDir, databaseUrl, silentLog)
  } catch (err) {
    if (err instanceof StorageLockedError) throw new CliError(`数据目录 ${dataDir} 正被运行中的服务器使用（数据库已加锁）。请先停止服务器再操作，或由管理员在网页上添加账号。`)
    throw err
  }
  try {
    return await fn(new Users(storage))
  } catch (err) {
    if (err instanceof AppError) throw new CliError(err.message)
    throw err
  } finally {
    await storage.close()
  }
}

function stringFlag(value: string | true | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined
}

function requiredPassword(value: string | true | undefined): string {
  if (typeof value !== 'string') throw new CliError('请用 --password 指定密码', 2)
  return value
}
