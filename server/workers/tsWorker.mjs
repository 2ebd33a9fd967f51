// Entry of a worker thread that runs a TypeScript module: registers tsx (as server/cli/plan.mjs
// does), then imports the module named in workerData.module, which serves the jobs.
import { workerData } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
await import(workerData.module)
