import { combineSlices, configureStore, type Action, type ThunkAction } from '@reduxjs/toolkit'
import { api } from '../features/api/apiSlice'
import { authSlice } from '../features/auth/authSlice'
import { loadSession } from '../features/auth/sessionPersistence'
import { outboxSlice } from '../features/messages/outboxSlice'
import { connectionSlice } from '../features/realtime/connectionSlice'
import { appStarted } from '../features/realtime/realtimeActions'
import { createRealtimeMiddleware } from '../features/realtime/realtimeMiddleware'
import { readsSlice } from '../features/rooms/readsSlice'
import { typingSlice } from '../features/typing/typingSlice'
import { uiSlice } from '../features/ui/uiSlice'
import type { AppDeps } from './deps'
import { createPersistenceMiddleware, loadLasting } from './persistence'

const rootReducer = combineSlices(
  api,
  authSlice,
  outboxSlice,
  typingSlice,
  readsSlice,
  connectionSlice,
  uiSlice,
)

export type RootState = ReturnType<typeof rootReducer>

export function makeStore(deps: AppDeps, preloadedState?: Partial<RootState>) {
  const restored: Partial<RootState> = { ...loadLasting(deps.localStore) }
  const session = loadSession(deps.sessionStore)
  if (session !== undefined) {
    restored.auth = session
  }

  const store = configureStore({
    reducer: rootReducer,
    preloadedState: { ...restored, ...preloadedState },
    middleware: (getDefaultMiddleware) =>
      getDefaultMiddleware({ thunk: { extraArgument: deps } }).concat(
        api.middleware,
        createRealtimeMiddleware(deps),
        createPersistenceMiddleware(deps),
      ),
  })
  store.dispatch(appStarted())
  return store
}

export type AppStore = ReturnType<typeof makeStore>
export type AppDispatch = AppStore['dispatch']
export type AppThunk<ReturnType = void> = ThunkAction<ReturnType, RootState, AppDeps, Action>
