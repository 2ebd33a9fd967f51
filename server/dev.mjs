#!/usr/bin/env node
// `npm run dev`: the API/collaboration server (restarted on change by tsx watch) on PORT (1234)
// and Vite's dev server with hot reload on 5173, which proxies /api and /collab to it.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'

/** The Node flags the server runs with (server/nodeFlags.json, also in package.json's start script). */
const nodeFlags = JSON.parse(readFileSync(new URL('./nodeFlags.json', import.meta.url), 'utf8'))

const children = [
  spawn('npx', ['tsx', 'watch', ...nodeFlags, '--clear-screen=false', 'server/main.ts'], { stdio: 'inherit', env: process.env }),
  spawn('npx', ['vite', '--host', '127.0.0.1'], { stdio: 'inherit', env: process.env }),
]
const stop = (code) => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM')
  process.exitCode = code
}
for (const child of children) child.on('exit', (code) => stop(code ?? 0))
process.on('SIGINT', () => stop(0))
process.on('SIGTERM', () => stop(0))
