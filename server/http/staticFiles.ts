import { createReadStream, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, resolve, sep } from 'node:path'
import { setSecurityHeaders } from './securityHeaders.ts'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
}

/**
 * Serves the built client from `distDir`: real files as they are (hashed /assets/ cached for a
 * year), every other GET path gets index.html so that the client's routes work on reload.
 */
export function serveStatic(req: IncomingMessage, res: ServerResponse, url: URL, distDir: string): void {
  setSecurityHeaders(res)
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { 'Content-Type': 'text/plain; charset=utf-8' }).end('不支持此请求方法')
    return
  }
  const root = resolve(distDir)
  let path: string
  try {
    path = resolve(join(root, decodeURIComponent(url.pathname)))
  } catch {
    res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('请求地址无效')
    return
  }
  if (path !== root && !path.startsWith(root + sep)) {
    res.writeHead(404).end()
    return
  }
  const file = isFile(path) ? path : extname(url.pathname) ? null : join(root, 'index.html')
  if (!file || !isFile(file)) {
    const missingClient = !isFile(join(root, 'index.html'))
    res.writeHead(missingClient ? 503 : 404, { 'Content-Type': 'text/plain; charset=utf-8' })
    res.end(missingClient ? '网页客户端尚未构建：请先运行 npm run build（npm start 会自动构建）' : '找不到文件')
    return
  }
  const immutable = url.pathname.startsWith('/assets/')
  res.writeHead(200, {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  })
  if (req.method === 'HEAD') res.end()
  else createReadStream(file).pipe(res)
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}
