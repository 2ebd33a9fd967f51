import { PlanError, type PlanErrorCode } from '../../../shared/plan/errors.ts'
import type { WordReturnSummary } from '../../../shared/review/wordReturnTypes.ts'
import { AppError } from '../../AppError.ts'
import { applyWordReturn } from '../../comments/wordReturn.ts'
import { importLimits } from '../../config/limits.ts'
import { assertNotFinal } from '../../docs/status.ts'
import { readWordReturnInWorker } from '../../import/importInWorker.ts'
import { formatBytes } from '../../import/importLimits.ts'
import { IMPORT_BODY_BYTES } from '../bodyLimits.ts'
import type { Route } from '../route.ts'

/** Refusals about size: 413; every other PlanError of the reader is 400. */
const TOO_LARGE: ReadonlySet<PlanErrorCode> = new Set(['file-too-large', 'docx-too-large', 'import-out-of-memory', 'import-timeout'])

/**
 * 导入返回的Word: POST /api/documents/:id/word-return with the .docx itself as the body (as a
 * browser sends a File). Owners and editors only: the suggestions and comments are stamped with
 * the importing account, and a reviewer could otherwise put words in other people's names. The
 * file is read on the import worker within the import limits; its revisions and comments are
 * placed on the live document as one change. Answers what was placed and what not, and why.
 */
export const routes: Route[] = [
  {
    method: 'POST',
    path: '/api/documents/:id/word-return',
    maxBodyBytes: IMPORT_BODY_BYTES,
    rateLimit: 'create-document',
    async handle(ctx): Promise<WordReturnSummary> {
      const { doc, role } = await ctx.doc('viewer')
      if (role !== 'owner' && role !== 'editor') throw new AppError('forbidden', '只有文档的所有者和编辑者可以导入返回的 Word 文件', 403)
      assertNotFinal(doc)
      const type = (ctx.req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
      if (type === 'application/json' || type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data') {
        throw new AppError('bad-request', '请求内容应是 .docx 文件本身（Content-Type: application/octet-stream）', 415)
      }
      const limits = importLimits()
      const bytes = await ctx.bytes({ limit: limits.fileBytes, tooLarge: new AppError('file-too-large', `文件太大，导入上限为 ${formatBytes(limits.fileBytes)}`, 413) })
      let file
      try {
        file = await readWordReturnInWorker({ bytes }, limits)
      } catch (err) {
        if (err instanceof PlanError && TOO_LARGE.has(err.code)) throw new AppError(err.code, err.message, 413)
        throw err
      }
      const summary = await applyWordReturn(ctx.services, ctx.user, doc.id, file)
      ctx.services.log.info('doc.word-return', { doc: doc.id, user: ctx.user.id, suggestions: summary.placedSuggestions, comments: summary.placedComments, notPlaced: summary.notPlaced.length })
      return summary
    },
  },
]
