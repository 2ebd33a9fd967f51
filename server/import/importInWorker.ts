import { PlanError, type PlanErrorCode } from '../../shared/plan/errors.ts'
import type { PlanLimits } from '../../shared/plan/limits.ts'
import type { ReturnedFile } from '../../shared/review/wordReturnTypes.ts'
import { AppError } from '../AppError.ts'
import { JobThread, WorkerHandlerError, WorkerJobError } from '../workers/JobThread.ts'
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './importLimits.ts'
import type { ImportJob, WorkerImport } from './importWorkerLoop.ts'
import { BAD_BASE64 } from './uploadBytes.ts'

const MODULE = new URL('./importWorkerLoop.ts', import.meta.url)

/** Imports waiting for the worker beyond this many are refused (503), so a flood of uploads holds no memory. */
export const IMPORT_QUEUE = 8

let thread: { heapMb: number; worker: JobThread<ImportJob, WorkerImport | ReturnedFile> } | null = null
let running: Promise<unknown> = Promise.resolve()
let waiting = 0

/**
 * importFile on the import worker thread, one file at a time: a file that makes the importer run
 * out of heap (`limits.workerHeapMb`) or time (`limits.timeoutMs`) costs only that worker, which
 * is replaced for the next file, and gets a PlanError saying which limit; the server thread never
 * decodes or parses an upload (`file` may be the upload's base64 text, decoded in the worker).
 * Bytes in an ArrayBuffer of their own are transferred, not copied: the caller must not use them after.
 * With `planLimits`, a plan within them comes back with its document's first state (`state`),
 * built on the worker: writing a large plan into a Y.Doc would hold the server thread for seconds.
 * Errors from the importer arrive as the PlanError they were.
 */
export async function importInWorker(file: ImportJob['file'], filename: string, limits: ImportLimits = DEFAULT_IMPORT_LIMITS, planLimits?: PlanLimits): Promise<WorkerImport> {
  return (await queued({ file, filename, limits, ...(planLimits ? { planLimits } : {}) })) as WorkerImport
}

/** readWordReturn (a department's returned .docx: its revisions and comments by item) on the same worker, in the same queue. */
export async function readWordReturnInWorker(file: ImportJob['file'], limits: ImportLimits = DEFAULT_IMPORT_LIMITS): Promise<ReturnedFile> {
  return (await queued({ file, filename: 'returned.docx', limits, mode: 'word-return' })) as ReturnedFile
}

function queued(job: ImportJob): Promise<WorkerImport | ReturnedFile> {
  if (waiting >= IMPORT_QUEUE) throw new AppError('import-busy', '正在导入的文件过多，请稍后重试', 503)
  waiting++
  const turn = running.then(() => {
    waiting--
    return runOne(job)
  })
  running = turn.catch(() => undefined)
  return turn
}

async function runOne({ file, limits, ...rest }: ImportJob): Promise<WorkerImport | ReturnedFile> {
  const worker = await liveThread(limits.workerHeapMb)
  const own = 'bytes' in file ? { bytes: movable(file.bytes) } : file
  try {
    return await worker.run({ ...rest, file: own, limits }, { timeoutMs: limits.timeoutMs, transfer: 'bytes' in own ? [own.bytes.buffer as ArrayBuffer] : [] })
  } catch (err) {
    throw translate(err, limits)
  }
}

/**
 * Bytes that can move to the worker as they are: a view of a whole ArrayBuffer of its own (an
 * upload read by readBodyBytes) moves without a copy, and the caller's view is emptied; anything
 * else (a slice of Node's buffer pool, a shared buffer) is copied first.
 */
function movable(bytes: Uint8Array): Uint8Array {
  const whole = bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
  return whole ? bytes : bytes.slice()
}

/** The worker for this heap size, started again after one died. */
async function liveThread(heapMb: number): Promise<JobThread<ImportJob, WorkerImport | ReturnedFile>> {
  if (!thread || thread.worker.dead || thread.heapMb !== heapMb) {
    void thread?.worker.stop()
    thread = { heapMb, worker: new JobThread({ module: MODULE, resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 16 } }) }
  }
  const current = thread.worker
  if (!(await current.started)) throw new AppError('import-unavailable', '导入服务无法启动，请稍后重试', 503)
  return current
}

function translate(err: unknown, limits: ImportLimits): Error {
  if (err instanceof WorkerHandlerError && err.name === BAD_BASE64) return new AppError('bad-request', '文件内容必须是 base64 编码')
  if (err instanceof WorkerHandlerError && err.name === 'PlanError' && err.code) return new PlanError(err.code as PlanErrorCode, err.message)
  if (err instanceof WorkerJobError) {
    if (err.reason === 'out-of-memory') return new PlanError('import-out-of-memory', `文件过于复杂，导入所需内存超过上限（${limits.workerHeapMb} MB），无法导入`)
    if (err.reason === 'timeout') return new PlanError('import-timeout', `导入超过时间上限（${limits.timeoutMs / 1000} 秒），文件过大或过于复杂，无法导入`)
    return new AppError('import-failed', '导入过程意外中止，请稍后重试', 500)
  }
  return err instanceof Error ? err : new Error(String(err))
}

/** Stops the import worker (a file it holds fails); the next import starts a new one. */
export async function stopImportThread(): Promise<void> {
  const current = thread
  thread = null
  await current?.worker.stop()
}
