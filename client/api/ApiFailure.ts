/** A failed API call: the server's stable code, a plain Chinese sentence for the user, the HTTP status (0 when the server could not be reached). */
export class ApiFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message)
    this.name = 'ApiFailure'
  }
}
