import { configDefaults, defineConfig } from 'vitest/config'

/** Server tests that also drive Chromium: they run with the browser tests. */
const BROWSER_IN_SERVER = ['test/server/http/securityHeaders.test.ts']
/** Server tests that kill and time several real processes (servers, PostgreSQL, Redis). */
const PROCESSES = ['test/server/cluster/**/*.test.ts', 'test/server/**/cluster.test.ts', 'test/server/process.test.ts']
/**
 * Server tests that change module state a later file in the same worker would inherit: limits set
 * in process.env before the server is imported, vi.mock, fake timers. Each runs in a fresh process.
 */
const OWN_PROCESS = [
  'test/server/collab/validation.test.ts',
  'test/server/http/rateHold.test.ts',
  'test/server/http/rawImport.test.ts',
  'test/server/http/exportFailure.test.ts',
  'test/server/hostile/importBombs.test.ts',
]

/**
 * Tests run in Node; browser scenarios drive Debian's Chromium through playwright-core.
 * Every project runs in reused workers (isolate: false) except OWN_PROCESS and the process tests:
 * a fresh process per file loaded the whole server (about a second) for every file, which was a
 * third of the suite's time. Files clean up what they start (servers, folders, windows), so sharing
 * a worker's module cache is safe; the browser tests share the worker's Chromium (test/e2e/browser.ts).
 * All files run two at a time in one group, longest first, so that a browser or process test waiting
 * on an event leaves the other core to a server test; the tests wait for events, never for time, and
 * pass so on a loaded machine (the previous order, browser and process tests one at a time after the
 * others, left a core idle for half the run).
 */
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    // New password hashes at scrypt N = 1024 instead of 16384 (3 ms instead of 50 ms of CPU): the suite makes
    // hundreds, one per account and sign-in. Hashes keep their parameters; test/server/auth/passwords.test.ts checks both.
    env: { PASSWORD_SCRYPT_N: '1024' },
    // Runs before every file, also in a reused worker: stops what the file's helpers started (test/utils/fileEnd.ts).
    setupFiles: ['test/utils/fileEnd.setup.ts'],
    // Transformed modules kept on disk (node_modules/.experimental-vitest-cache, keyed by content) for the
    // next run: a rerun skips about 12 s of TypeScript transforms. The default from vitest 5 on.
    experimental: { fsModuleCache: true },
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/{shared,client,utils,lint}/**/*.test.ts'], isolate: false } },
      {
        extends: true,
        test: { name: 'server', include: ['test/server/**/*.test.ts'], exclude: [...configDefaults.exclude, ...BROWSER_IN_SERVER, ...PROCESSES, ...OWN_PROCESS], isolate: false },
      },
      { extends: true, test: { name: 'own-process', include: OWN_PROCESS } },
      { extends: true, test: { name: 'browser', include: ['test/e2e/**/*.test.ts', ...BROWSER_IN_SERVER], isolate: false } },
      { extends: true, test: { name: 'processes', include: PROCESSES } },
    ],
  },
})
