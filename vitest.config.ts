import { defineConfig } from 'vitest/config'

/** Tests run in Node; browser scenarios drive Debian's Chromium through playwright-core. */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
})
