import { render } from '@testing-library/react'
import type { ReactElement } from 'react'
import { Provider } from 'react-redux'
import { memoryStore, type AppDeps } from '../app/deps'
import { makeStore, type AppStore, type RootState } from '../app/store'
import { FakeBackend } from './fakeBackend'

export const ANN = { id: 'u-ann', username: 'ann', displayName: 'Ann' }

export interface TestApp {
  store: AppStore
  backend: FakeBackend
  deps: AppDeps
}

/** A real store wired to the in-memory backend; signed in as Ann unless told otherwise. */
export function makeTestApp(
  options: { signedIn?: boolean; backend?: FakeBackend; preloaded?: Partial<RootState> } = {},
): TestApp {
  const backend = options.backend ?? new FakeBackend()
  const deps: AppDeps = {
    config: { apiBaseUrl: 'http://chat.test/api', webSocketUrl: 'ws://chat.test/ws' },
    fetchFn: backend.fetch,
    createSocket: backend.createSocket,
    sessionStore: memoryStore(),
    localStore: memoryStore(),
    now: () => Date.now(),
    random: () => 0.5,
  }
  const preloaded: Partial<RootState> = { ...options.preloaded }
  if (options.signedIn !== false) {
    preloaded.auth = { token: 'token-ann', user: ANN }
  }
  const store = makeStore(deps, preloaded)
  return { store, backend, deps }
}

export function renderWithStore(ui: ReactElement, app: TestApp) {
  return render(<Provider store={app.store}>{ui}</Provider>)
}

/** Lets pending promises (fetches, RTK Query updates) settle. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
}
