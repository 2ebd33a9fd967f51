// ESLint flat config: typescript-eslint's recommended rules (syntax only, no type information, so
// `npm run lint` stays fast) plus import-boundary rules generated from the layer tables below.
import js from '@eslint/js'
import { defineConfig } from 'eslint/config'
import tseslint from 'typescript-eslint'

/**
 * Allowed directions inside shared/, lowest layer first: a folder may import folders of LOWER
 * layers only (never one beside it or above it). Derived from the code as it is (2026-12), after
 * moving the wrong-way edges (align → collab, diff → api, editor → import) down a layer.
 */
export const SHARED_LAYERS = [
  ['text'], //                       characters, punctuation
  ['plan'], //                       the plan model, numbering, Plan JSON, lead sentences
  ['breakdown'], //                  任务分解: item fields, deadlines, import notes (import and checks use it)
  ['targets', 'import', 'editor'], // quantitative targets · text import · the one Tiptap schema
  ['diff', 'align'], //              structural diff · alignment (and the link model)
  ['checks', 'review', 'collab'], // plan checks · review rows · Y.Doc ↔ plan and link storage
  ['api'], //                        the HTTP and websocket contract
]

/**
 * Allowed directions inside server/, same reading. Root files (AppError.ts, log.ts, startServer.ts,
 * services.ts, main.ts) are the base utilities and the composition root and are not layered.
 */
export const SERVER_LAYERS = [
  ['storage', 'workers'], //                          Storage interface, LevelDB, WAL · worker threads
  ['auth', 'templates', 'import', 'export'], //       users, sessions · templates · .docx in and out
  ['history', 'config', 'accounts'], //               authored history · limits from the environment · account admin, 科室
  ['collab'], //                                      rooms and the websocket endpoint
  ['docs', 'cluster'], //                             documents, roles, versions, visits (use rooms) · several servers on Redis
  ['review', 'seed', 'comments'], //                  review texts and authors · first start · 批注 threads
  ['http', 'cli'], //                                 routes · the `plan` command
]

/** Node built-ins shared/ must not use (it runs in the browser too). */
const NODE_BUILTINS = ['fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'http', 'https', 'net', 'stream', 'url', 'buffer', 'util', 'zlib', 'events']

/** A no-restricted-imports pattern: a relative import that climbs out of the folder into `target`. */
function into(target, message) {
  return { regex: `^(\\.\\./)+${target.replace(/\//g, '\\/')}(/|$)`, message }
}

/** One config block per folder of a layer table, forbidding the folders at its layer and above. */
function layerBlocks(root, layers, extra) {
  return layers.flatMap((layer, level) =>
    layer.map((folder) => {
      const notBelow = layers
        .slice(level)
        .flat()
        .filter((other) => other !== folder)
      const allowed = layers.slice(0, level).flat()
      const why = `${root}/${folder} may import only ${allowed.length ? allowed.map((f) => `${root}/${f}`).join(', ') : 'nothing else in ' + root} (layers in eslint.config.js, README folder map)`
      return {
        name: `boundaries/${root}/${folder}`,
        files: [`${root}/${folder}/**/*.{ts,tsx,mjs,js}`],
        rules: {
          'no-restricted-imports': ['error', { paths: extra.paths, patterns: [...extra.patterns, ...notBelow.map((other) => into(other, why))] }],
        },
      }
    }),
  )
}

const sharedSides = {
  paths: NODE_BUILTINS.flatMap((name) => [
    { name, message: 'shared/ is pure TypeScript: no Node APIs' },
    { name: `node:${name}`, message: 'shared/ is pure TypeScript: no Node APIs' },
  ]),
  patterns: [into('client', 'shared/ must not import client/'), into('server', 'shared/ must not import server/'), into('test', 'shared/ must not import test/')],
}
const serverSides = { paths: [], patterns: [into('client', 'server/ must not import client/ (share code through shared/)')] }
const clientSides = { paths: [], patterns: [into('server', 'client/ must not import server/ (share code through shared/)')] }

export default defineConfig(
  { ignores: ['node_modules/', 'dist/', 'artifacts/', 'data/', 'coverage/', 'seeds/', 'test/fixtures/', '.vite/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    name: 'project/rules',
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // tsc checks this already (noUnusedLocals, noUnusedParameters), and it was 40 % of lint time.
      '@typescript-eslint/no-unused-vars': 'off',
      // The ideographic space U+3000 is correct typography inside Chinese text (修改说明, table notes).
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipJSXText: true, skipRegExps: true }],
      // Sanitisers (file names, XML text) strip control characters on purpose; nothing else matches them.
      'no-control-regex': 'off',
    },
  },
  {
    name: 'project/node-scripts',
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly' },
    },
  },
  // The side rules first: a folder block below replaces them for its files with sides + layers.
  { name: 'boundaries/shared', files: ['shared/**/*.{ts,tsx,mjs,js}'], rules: { 'no-restricted-imports': ['error', sharedSides] } },
  { name: 'boundaries/server', files: ['server/**/*.{ts,tsx,mjs,js}'], rules: { 'no-restricted-imports': ['error', serverSides] } },
  { name: 'boundaries/client', files: ['client/**/*.{ts,tsx,mjs,js}'], rules: { 'no-restricted-imports': ['error', clientSides] } },
  ...layerBlocks('shared', SHARED_LAYERS, sharedSides),
  ...layerBlocks('server', SERVER_LAYERS, serverSides),
)
