import { AppError } from '../AppError.ts'

/** Thrown when a document is open on another process (HTTP answers 503; a socket is closed and reconnects). */
export class NotOwnerError extends AppError {
  constructor() {
    super('server-busy', '该文档正由另一台服务器处理，请稍后重试', 503)
  }
}
