import { describe, expect, it } from 'vitest'
import { failureOf } from '../../../client/api/failureOf.ts'
import { errorMessage } from '../../../client/api/errorMessage.ts'

describe('failureOf', () => {
  it("keeps the server's code and Chinese sentence", async () => {
    const res = new Response(JSON.stringify({ error: { code: 'forbidden', message: '您没有访问此文档的权限' } }), { status: 403 })
    const failure = await failureOf(res)
    expect([failure.code, failure.message, failure.status]).toEqual(['forbidden', '您没有访问此文档的权限', 403])
  })

  it('says something plain in Chinese when the body is not the API error shape', async () => {
    expect((await failureOf(new Response('<html>Bad Gateway</html>', { status: 502 }))).message).toBe('服务器出现问题，请稍后重试')
    expect((await failureOf(new Response('', { status: 413 }))).message).toBe('文件太大，无法上传')
    expect((await failureOf(new Response('{"error":{}}', { status: 400 }))).message).toBe('请求没有成功（错误 400），请稍后重试')
  })

  it('never shows an unexpected exception to the user', () => {
    expect(errorMessage(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe('操作没有完成，请稍后重试')
  })
})
