import type { Middleware } from '@reduxjs/toolkit'
import { saveSession } from '../features/auth/sessionPersistence'
import type { ReadsState } from '../features/rooms/readsSlice'
import type { ThemeChoice, UiState } from '../features/ui/uiSlice'
import type { AppDeps, KeyValueStore } from './deps'
import type { RootState } from './store'

const READS_KEY = 'polychat.reads'
const THEME_KEY = 'polychat.theme'

function isTheme(value: string | null): value is ThemeChoice {
  return value === 'light' || value === 'dark' || value === 'system'
}

/** What outlives a session: read positions per user and the chosen theme. */
export function loadLasting(store: KeyValueStore): { reads?: ReadsState; ui?: UiState } {
  const lasting: { reads?: ReadsState; ui?: UiState } = {}
  const theme = store.getItem(THEME_KEY)
  if (isTheme(theme)) {
    lasting.ui = { selectedRoomId: null, theme }
  }
  try {
    const reads: unknown = JSON.parse(store.getItem(READS_KEY) ?? 'null')
    if (typeof reads === 'object' && reads !== null) {
      lasting.reads = reads as ReadsState
    }
  } catch {
    // Damaged read positions only mean rooms show as unread.
  }
  return lasting
}

/** Writes the session, read positions and theme whenever they change. */
export function createPersistenceMiddleware(deps: AppDeps): Middleware<object, RootState> {
  return (storeApi) => (next) => (action) => {
    const before = storeApi.getState()
    const result = next(action)
    const after = storeApi.getState()

    if (after.auth !== before.auth) {
      saveSession(deps.sessionStore, after.auth)
    }
    if (after.reads !== before.reads) {
      deps.localStore.setItem(READS_KEY, JSON.stringify(after.reads))
    }
    if (after.ui.theme !== before.ui.theme) {
      deps.localStore.setItem(THEME_KEY, after.ui.theme)
    }
    return result
  }
}
