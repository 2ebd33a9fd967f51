// Entry of the export worker thread: registers tsx so the TypeScript sources run as they are (as
// server/cli/plan.mjs does), then hands over to the message loop.
import { register } from 'tsx/esm/api'

register()
await import('./exportWorkerLoop.ts')
