import type { SerializedError } from '@reduxjs/toolkit'
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query'

const FRIENDLY: Record<string, string> = {
  username_taken: 'That username is taken.',
  invalid_credentials: 'Wrong username or password.',
  forbidden: 'You are not allowed to do that.',
  not_found: 'Not found.',
  rate_limited: 'Too many messages at once; wait a moment.',
  unauthorized: 'Your session has ended; sign in again.',
}

function errorCode(data: unknown): { code: string; message: string } | null {
  if (typeof data !== 'object' || data === null || !('error' in data)) {
    return null
  }
  const error: unknown = data.error
  if (typeof error !== 'object' || error === null) {
    return null
  }
  const code = 'code' in error && typeof error.code === 'string' ? error.code : ''
  const message = 'message' in error && typeof error.message === 'string' ? error.message : ''
  return { code, message }
}

/** Words a person can act on, for a failed request or socket frame. */
export function describeCode(code: string, message?: string): string {
  const friendly = FRIENDLY[code]
  if (friendly !== undefined) {
    return friendly
  }
  return message !== undefined && message !== '' ? message : `Something went wrong (${code}).`
}

export function describeError(error: FetchBaseQueryError | SerializedError | undefined): string {
  if (error === undefined) {
    return ''
  }
  if (!('status' in error)) {
    return error.message ?? 'Something went wrong.'
  }
  if (error.status === 'FETCH_ERROR') {
    return 'Cannot reach the server. Check your connection.'
  }
  const parsed = errorCode(error.data)
  if (parsed !== null) {
    return describeCode(parsed.code, parsed.message)
  }
  return `The server answered ${String(error.status)}.`
}
