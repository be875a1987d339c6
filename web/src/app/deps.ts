import type { RuntimeConfig } from './config'
import type { SocketFactory } from '../features/realtime/connection'

/** A key-value store with the Web Storage shape; tests pass an in-memory one. */
export interface KeyValueStore {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

/** The outside world the store talks to, injected so tests can supply their own. */
export interface AppDeps {
  config: RuntimeConfig
  fetchFn: typeof fetch
  createSocket: SocketFactory
  /** Per-tab storage: the session token lives here, so it ends with the tab. */
  sessionStore: KeyValueStore
  /** Lasting storage: read positions and the theme. */
  localStore: KeyValueStore
  now: () => number
  random: () => number
}

export function depsOf(extra: unknown): AppDeps {
  return extra as AppDeps
}

export function memoryStore(): KeyValueStore {
  const values = new Map<string, string>()
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => {
      values.set(key, value)
    },
    removeItem: (key) => {
      values.delete(key)
    },
  }
}
