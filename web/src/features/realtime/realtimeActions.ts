import { createAction } from '@reduxjs/toolkit'

/** The store exists; a session restored from storage connects now. */
export const appStarted = createAction('app/started')
/** The person typed in a room's composer. */
export const composerTyped = createAction<string>('realtime/composerTyped')
/** Keyboard, pointer or focus input: the person is at the screen. */
export const userActive = createAction('realtime/userActive')
/** The browser regained its network: skip the rest of any backoff wait. */
export const networkReturned = createAction('realtime/networkReturned')
