import type { CreateDocumentResponse, DocumentKind, DocumentSource } from '../../shared/api/types.ts'
import { carryForward } from '../../shared/plan/carryForward.ts'
import { PlanError, type PlanErrorCode } from '../../shared/plan/errors.ts'
import { limitMessage, planLimitViolation } from '../../shared/plan/limits.ts'
import type { Plan, PlanWarning } from '../../shared/plan/types.ts'
import { AppError } from '../AppError.ts'
import type { UserRecord } from '../auth/users.ts'
import { importLimits, planLimits } from '../config/limits.ts'
import { importInWorker } from '../import/importInWorker.ts'
import type { Services } from '../services.ts'
import { instantiateTemplate, listTemplates } from '../templates/templates.ts'
import { currentState } from './currentState.ts'
import type { NewDocument } from './documents.ts'
import { planOfState } from './planState.ts'

/** Import refusals about size: 413 (Payload Too Large); every other PlanError is 400. */
const TOO_LARGE: ReadonlySet<PlanErrorCode> = new Set(['file-too-large', 'docx-too-large', 'import-out-of-memory', 'import-timeout'])

/**
 * POST /api/documents: a new document from a template, an uploaded .txt/.docx/Plan JSON file, or
 * by carrying an existing document forward to next year. The caller becomes its owner. Whatever
 * the source, the plan must fit the server's plan limits (413 with the limit named otherwise).
 */
export async function createDocument(services: Services, user: UserRecord, body: unknown): Promise<CreateDocumentResponse> {
  const req = record(body)
  const sources = ['template', 'import', 'carryFrom'].filter((k) => req[k] !== undefined)
  if (sources.length !== 1) throw new AppError('bad-request', '请选择一种新建方式：模板（template）、导入文件（import）或结转（carryFrom）')
  const { plan, warnings, extra } = await sizedPlanFor(services, user, req)
  const input: NewDocument = { plan, kind: kindOf(req.kind), ...extra }
  if (typeof req.title === 'string' && req.title.trim()) input.title = req.title
  for (const key of ['priorId', 'municipalId'] as const) {
    const value = req[key]
    if (value !== undefined && value !== null) {
      if (typeof value !== 'string') throw new AppError('bad-link', '关联文档的编号无效')
      input[key] = value
    }
  }
  const doc = await services.documents.create(input, user)
  services.log.info('doc.create', { doc: doc.id, user: user.id, source: sources[0], kind: doc.kind })
  return { document: await services.documents.info(doc, 'owner'), warnings }
}

/** planFor, with size refusals as 413 and the plan held to the plan limits. */
async function sizedPlanFor(services: Services, user: UserRecord, req: Record<string, unknown>): ReturnType<typeof planFor> {
  let made: Awaited<ReturnType<typeof planFor>>
  try {
    made = await planFor(services, user, req)
  } catch (err) {
    if (err instanceof PlanError && TOO_LARGE.has(err.code)) throw new AppError(err.code, err.message, 413)
    throw err
  }
  const limits = planLimits()
  const title = typeof req.title === 'string' ? req.title : ''
  const violation = title.length > limits.titleChars ? { message: limitMessage('titleChars', limits) } : planLimitViolation(made.plan, limits)
  if (violation) throw new AppError('plan-too-large', `${violation.message}，无法新建文档`, 413)
  return made
}

async function planFor(services: Services, user: UserRecord, req: Record<string, unknown>): Promise<{ plan: Plan; warnings: PlanWarning[]; extra: Partial<NewDocument> }> {
  if (req.template !== undefined) {
    if (typeof req.template !== 'string') throw new AppError('bad-request', '模板名称无效')
    const plan = instantiateTemplate(req.template, typeof req.title === 'string' ? req.title.trim() || undefined : undefined)
    return { plan, warnings: [], extra: { source: templateSource(req.template) } }
  }
  if (req.import !== undefined) {
    const file = record(req.import)
    if (typeof file.filename !== 'string' || !file.filename || file.filename.length > 255) throw new AppError('bad-request', '请提供文件名')
    // Raw bytes come only from POST /api/documents/import (JSON cannot hold a Uint8Array); they move to the worker uncopied.
    const bytes = file.bytes instanceof Uint8Array ? file.bytes : null
    if (!bytes && typeof file.base64 !== 'string') throw new AppError('bad-request', '文件内容必须是 base64 编码')
    // Checked and decoded in the import worker: 30–60 ms of a 13 MB upload kept off the server thread.
    // The worker also builds the new document's first state (seconds for a large plan) unless the plan is over a limit.
    const { plan, warnings, state } = await importInWorker(bytes ? { bytes } : { base64: String(file.base64) }, file.filename, importLimits(), planLimits())
    return { plan, warnings, extra: { source: { kind: 'import', filename: file.filename }, ...(state ? { state } : {}) } }
  }
  if (typeof req.carryFrom !== 'string') throw new AppError('bad-request', '请指明要结转的文档')
  if (req.carryMunicipal !== undefined && typeof req.carryMunicipal !== 'boolean') throw new AppError('bad-request', 'carryMunicipal（是否沿用市级计划）只能是 true 或 false')
  const { doc: source } = await services.documents.access(user, req.carryFrom, 'viewer')
  const { state } = await currentState(services.storage, services.rooms, source.id)
  const plan = carryForward(planOfState(state))
  const extra: Partial<NewDocument> = { priorId: source.id, carriedFrom: source.id, source: { kind: 'carry', fromTitle: source.title } }
  // Next year's municipal plan is usually a new document, so the old link is carried only when asked.
  if (req.carryMunicipal === true && source.municipalId) extra.municipalId = source.municipalId
  return { plan, warnings: [], extra }
}

/** 新建 for the blank template, 模板 (with its title) for the others. */
function templateSource(name: string): DocumentSource {
  if (name === 'blank') return { kind: 'new' }
  return { kind: 'template', template: name, title: listTemplates().find((t) => t.name === name)?.title ?? name }
}

function kindOf(kind: unknown): DocumentKind {
  if (kind === undefined || kind === null) return 'draft'
  if (kind === 'draft' || kind === 'prior' || kind === 'reference') return kind
  throw new AppError('bad-kind', '文档类型只能是 draft（草稿）、prior（往年计划）或 reference（市级参照）')
}

function record(value: unknown): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new AppError('bad-request', '请求内容必须是一个 JSON 对象')
  return value as Record<string, unknown>
}
