import { ApiFailure } from './ApiFailure.ts'

/** The sentence shown for a status when the server sent no message of its own (a proxy error page, say). */
function fallbackMessage(status: number): string {
  if (status === 401) return '登录已过期，请重新登录'
  if (status === 403) return '您没有权限进行此操作'
  if (status === 404) return '找不到要打开的内容，它可能已被删除或归档'
  if (status === 413) return '文件太大，无法上传'
  if (status === 429) return '操作太频繁，请稍后再试'
  if (status >= 500) return '服务器出现问题，请稍后重试'
  return `请求没有成功（错误 ${status}），请稍后重试`
}

/** Reads an error response as an ApiFailure, using the `{error:{code,message}}` body when there is one. */
export async function failureOf(res: Response): Promise<ApiFailure> {
  let body: unknown
  try {
    body = await res.json()
  } catch {
    body = undefined
  }
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const error: unknown = body.error
    if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string' && error.message) {
      const code = 'code' in error && typeof error.code === 'string' ? error.code : `http_${res.status}`
      return new ApiFailure(code, error.message, res.status)
    }
  }
  return new ApiFailure(`http_${res.status}`, fallbackMessage(res.status), res.status)
}
