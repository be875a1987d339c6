// Where the app finds its backend. Read at run time from config.json beside index.html so one
// build serves the local stack and every AWS deployment.

export interface RuntimeConfig {
  /** Absolute http(s) URL of the REST API, without a trailing slash. */
  apiBaseUrl: string
  /** Absolute ws(s) URL of the WebSocket endpoint. */
  webSocketUrl: string
}

export const DEFAULT_CONFIG = { apiBaseUrl: '/api', webSocketUrl: '/ws' } as const

function readString(raw: unknown, key: keyof RuntimeConfig): string {
  if (typeof raw === 'object' && raw !== null && key in raw) {
    const value: unknown = (raw as Record<string, unknown>)[key]
    if (typeof value === 'string' && value.trim() !== '') {
      return value.trim()
    }
  }
  return DEFAULT_CONFIG[key]
}

function withoutTrailingSlash(url: string): string {
  return url.endsWith('/') ? url.slice(0, -1) : url
}

/**
 * Resolves relative values against the page: `/api` → `https://host/api` and
 * `/ws` → `wss://host/ws` on an https page; absolute values stay as they are.
 */
export function resolveConfig(raw: unknown, pageUrl: string): RuntimeConfig {
  const api = new URL(readString(raw, 'apiBaseUrl'), pageUrl)
  const socket = new URL(readString(raw, 'webSocketUrl'), pageUrl)
  if (socket.protocol === 'http:') {
    socket.protocol = 'ws:'
  } else if (socket.protocol === 'https:') {
    socket.protocol = 'wss:'
  }
  return {
    apiBaseUrl: withoutTrailingSlash(api.href),
    webSocketUrl: withoutTrailingSlash(socket.href),
  }
}

/** Fetches config.json next to index.html; a missing or broken file means the defaults. */
export async function loadConfig(baseUri: string, fetchFn: typeof fetch): Promise<RuntimeConfig> {
  let raw: unknown = DEFAULT_CONFIG
  try {
    const response = await fetchFn(new URL('config.json', baseUri).href)
    if (response.ok) {
      raw = await response.json()
    }
  } catch {
    // Offline or no file: the relative defaults still point at the serving origin.
  }
  return resolveConfig(raw, baseUri)
}
