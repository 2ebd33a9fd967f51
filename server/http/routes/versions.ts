import type { VersionInfo } from '../../../shared/api/types.ts'
import { toPlanJson } from '../../../shared/plan/planJson.ts'
import { planOfState } from '../../docs/planState.ts'
import { assertNotFinal } from '../../docs/status.ts'
import type { VersionRecord } from '../../docs/versions.ts'
import { Reply, type Route } from '../route.ts'
import { object, text } from '../validate.ts'

const versionBody = object({ name: text({ max: 1000 }) })

function info({ id, docId, name, createdAt, createdBy, seq }: VersionRecord): VersionInfo {
  return { id, docId, name, createdAt, createdBy, seq }
}

/** Named versions: list, save (editors), read as Plan JSON, restore (editors). */
export const routes: Route[] = [
  {
    method: 'GET',
    path: '/api/documents/:id/versions',
    async handle(ctx) {
      const { doc } = await ctx.doc('viewer')
      return (await ctx.services.versions.list(doc.id)).map(info)
    },
  },
  {
    method: 'POST',
    path: '/api/documents/:id/versions',
    async handle(ctx) {
      const { doc } = await ctx.doc('editor')
      const version = await ctx.services.versions.create(doc.id, (await ctx.body(versionBody)).name, ctx.user)
      ctx.services.log.info('version.create', { doc: doc.id, version: version.id, seq: version.seq, user: ctx.user.id })
      return Reply.json(info(version), 201)
    },
  },
  {
    method: 'GET',
    path: '/api/documents/:id/versions/:vid/plan',
    async handle(ctx) {
      const { doc } = await ctx.doc('viewer')
      return toPlanJson(planOfState(await ctx.services.versions.state(doc.id, ctx.params.vid)))
    },
  },
  {
    method: 'POST',
    path: '/api/documents/:id/versions/:vid/restore',
    async handle(ctx) {
      const { doc } = await ctx.doc('editor')
      assertNotFinal(doc)
      const { restored, autosave, seq } = await ctx.services.versions.restore(doc.id, ctx.params.vid, ctx.user)
      ctx.services.log.info('version.restore', { doc: doc.id, version: restored.id, autosave: autosave.id, seq, user: ctx.user.id })
      return { restored: info(restored), autosave: info(autosave), seq }
    },
  },
]
