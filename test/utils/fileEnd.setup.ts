// A setup file (vitest.config.ts): runs before every test file, also in a reused worker, so this
// afterAll belongs to each file. Registered before the file's own hooks, it runs after them.
import { afterAll } from 'vitest'
import { runFileEnd } from './fileEnd.ts'

afterAll(runFileEnd)
