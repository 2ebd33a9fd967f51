import { configDefaults, defineConfig } from 'vitest/config'

/** Server tests that also drive Chromium: they run with the browser tests. */
const BROWSER_IN_SERVER = ['test/server/http/securityHeaders.test.ts']
/** Server tests that kill and time several real processes (servers, PostgreSQL, Redis) under wall-clock deadlines. */
const PROCESSES = ['test/server/cluster/**/*.test.ts', 'test/server/**/cluster.test.ts', 'test/server/process.test.ts']

/** The options of a project that runs one file at a time, after the others. */
const alone = { maxWorkers: 1, sequence: { groupOrder: 1 } }

/**
 * Tests run in Node; browser scenarios drive Debian's Chromium through playwright-core.
 * Projects, so each kind of test runs the fastest way that is still safe for it:
 * - unit (shared/, client/, utils, lint): pure code with no servers, files, sockets or module-level hooks,
 *   run in reused workers (isolate: false). A fresh process per file cost more than the tests themselves.
 * - server: a real server, data folders and child processes per file; each file keeps its own process.
 * - browser and processes: Chromium, or several real processes killed under wall-clock deadlines; one file
 *   at a time after the others, so that they never share the machine with another test file (these are
 *   the tests a busy machine slows down most).
 * Unit and server files run two at a time: vitest's default on a 2-core machine is one (cores − 1), which
 * leaves a core idle while a file waits on its server, a socket or a child process.
 */
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/{shared,client,utils,lint}/**/*.test.ts'], isolate: false } },
      { extends: true, test: { name: 'server', include: ['test/server/**/*.test.ts'], exclude: [...configDefaults.exclude, ...BROWSER_IN_SERVER, ...PROCESSES] } },
      { extends: true, test: { name: 'browser', include: ['test/e2e/**/*.test.ts', ...BROWSER_IN_SERVER], ...alone } },
      { extends: true, test: { name: 'processes', include: PROCESSES, ...alone } },
    ],
  },
})
