import { createSlice, isAnyOf, type PayloadAction } from '@reduxjs/toolkit'
import type { Session, User } from '../api/types'

export interface AuthState {
  token: string | null
  user: User | null
}

const initialState: AuthState = { token: null, user: null }

export const authSlice = createSlice({
  name: 'auth',
  initialState,
  reducers: {
    signedIn: (_state, action: PayloadAction<Session>) => ({
      token: action.payload.token,
      user: action.payload.user,
    }),
    signedOut: () => initialState,
    /** The server refused the token (expired or revoked). */
    sessionEnded: () => initialState,
  },
  selectors: {
    selectToken: (state) => state.token,
    selectCurrentUser: (state) => state.user,
  },
})

export const { signedIn, signedOut, sessionEnded } = authSlice.actions
export const { selectToken, selectCurrentUser } = authSlice.selectors

/** Signing out and a refused token both end the session: every per-session slice resets. */
export const isSessionClosed = isAnyOf(signedOut, sessionEnded)
