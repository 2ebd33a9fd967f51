import { configDefaults, defineConfig } from 'vitest/config'

/** Server tests that also drive Chromium: they run with the browser tests. */
const BROWSER_IN_SERVER = ['test/server/http/securityHeaders.test.ts']

/**
 * Tests run in Node; browser scenarios drive Debian's Chromium through playwright-core.
 * Three projects, so each kind of test runs the fastest way that is still safe for it:
 * - unit (shared/, client/, utils, lint): pure code with no servers, files, sockets or module-level hooks,
 *   run in reused workers (isolate: false). A fresh process per file cost more than the tests themselves.
 * - server: a real server, child processes and data folders per file; each file keeps its own process.
 * - browser: Chromium, one file at a time after the others (browser tests are the ones a busy machine slows
 *   down most), so that they never share the machine with another test file.
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
      { extends: true, test: { name: 'server', include: ['test/server/**/*.test.ts'], exclude: [...configDefaults.exclude, ...BROWSER_IN_SERVER] } },
      { extends: true, test: { name: 'browser', include: ['test/e2e/**/*.test.ts', ...BROWSER_IN_SERVER], maxWorkers: 1, sequence: { groupOrder: 1 } } },
    ],
  },
})
