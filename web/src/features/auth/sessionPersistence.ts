import type { KeyValueStore } from '../../app/deps'
import type { AuthState } from './authSlice'

const KEY = 'polychat.session'

/** The token is kept for the browser session only (sessionStorage), never longer. */
export function loadSession(store: KeyValueStore): AuthState | undefined {
  const raw = store.getItem(KEY)
  if (raw === null) {
    return undefined
  }
  try {
    const parsed = JSON.parse(raw) as Partial<AuthState>
    if (typeof parsed.token === 'string' && parsed.user !== undefined && parsed.user !== null) {
      return { token: parsed.token, user: parsed.user }
    }
  } catch {
    // A damaged entry is the same as none.
  }
  store.removeItem(KEY)
  return undefined
}

export function saveSession(store: KeyValueStore, state: AuthState): void {
  if (state.token === null) {
    store.removeItem(KEY)
  } else {
    store.setItem(KEY, JSON.stringify(state))
  }
}
