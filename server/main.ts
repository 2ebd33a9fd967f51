// `npm start`: the whole server in one process. PORT (1234), HOST (0.0.0.0), DATA_DIR (./data),
// PLAN_ADMIN_PASSWORD (first-run admin password instead of a random one), DATABASE_URL (postgres://…:
// store in PostgreSQL instead of LevelDB), REDIS_URL (redis://…, with DATABASE_URL: several processes share
// documents, see server/cluster), PLAN_LEASE_MS (a cluster's document lease period, default 5000).
import { createLog } from './log.ts'
import { startServer } from './startServer.ts'
import { StorageLockedError } from './storage/Storage.ts'

// Every file the server creates (LevelDB's included) is readable by this account only.
process.umask(0o077)
const log = createLog()
const port = Number(process.env.PORT ?? 1234)
const dataDir = process.env.DATA_DIR ?? './data'

try {
  const server = await startServer({
    port,
    dataDir,
    host: process.env.HOST ?? '0.0.0.0',
    log,
    adminPassword: process.env.PLAN_ADMIN_PASSWORD || undefined,
    databaseUrl: process.env.DATABASE_URL || undefined,
    redisUrl: process.env.REDIS_URL || undefined,
    leaseMs: Number(process.env.PLAN_LEASE_MS) || undefined,
  })
  const first = server.firstRun
  if (first) {
    process.stdout.write(
      [
        '',
        '================ 首次启动 ================',
        ...(first.adminPassword
          ? [`已创建管理员账号：${first.adminName}`, `密码：${first.adminPassword}`, `（密码只显示这一次。请登录后修改，或停止服务器后用 npx plan user passwd ${first.adminName} --password 新密码 重设）`]
          : [`管理员账号：${first.adminName}（已存在）`]),
        `已载入示例文档 ${first.documents.length} 份`,
        `打开 ${server.url}`,
        '==========================================',
        '',
      ].join('\n'),
    )
  }
  const stop = (signal: string): void => {
    log.info('server.signal', { signal })
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error('server.stop.failed', {}, err)
        process.exit(1)
      },
    )
  }
  process.once('SIGTERM', () => stop('SIGTERM'))
  process.once('SIGINT', () => stop('SIGINT'))
} catch (err) {
  if (err instanceof StorageLockedError) log.error('server.locked', { dataDir }, err)
  else if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') log.error('server.port-in-use', { port }, new Error(`端口 ${port} 已被占用，请用 PORT=其他端口 npm start`))
  else log.error('server.start.failed', {}, err)
  process.exit(1)
}
