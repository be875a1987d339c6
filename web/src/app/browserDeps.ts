import { browserSocketFactory } from '../features/realtime/connection'
import type { RuntimeConfig } from './config'
import type { AppDeps } from './deps'

export function browserDeps(config: RuntimeConfig): AppDeps {
  return {
    config,
    fetchFn: (input, init) => fetch(input, init),
    createSocket: browserSocketFactory,
    sessionStore: window.sessionStorage,
    localStore: window.localStorage,
    now: () => Date.now(),
    random: () => Math.random(),
  }
}
