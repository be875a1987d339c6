import { createSlice, type PayloadAction } from '@reduxjs/toolkit'
import { isSessionClosed } from '../auth/authSlice'

export type LinkState = 'offline' | 'connecting' | 'open' | 'reconnecting'

export interface ConnectionState {
  link: LinkState
  /** When the next attempt starts, while reconnecting (epoch ms). */
  retryAt: number | null
  /** What this client tells the server about its user. */
  myStatus: 'online' | 'away'
}

const initialState: ConnectionState = { link: 'offline', retryAt: null, myStatus: 'online' }

export const connectionSlice = createSlice({
  name: 'connection',
  initialState,
  reducers: {
    linkChanged: (state, action: PayloadAction<{ link: LinkState; retryAt?: number | null }>) => {
      state.link = action.payload.link
      state.retryAt = action.payload.retryAt ?? null
    },
    myStatusChanged: (state, action: PayloadAction<'online' | 'away'>) => {
      state.myStatus = action.payload
    },
  },
  extraReducers: (builder) => {
    builder.addMatcher(isSessionClosed, () => initialState)
  },
  selectors: {
    selectLink: (state) => state.link,
    selectRetryAt: (state) => state.retryAt,
    selectMyStatus: (state) => state.myStatus,
  },
})

export const { linkChanged, myStatusChanged } = connectionSlice.actions
export const { selectLink, selectRetryAt, selectMyStatus } = connectionSlice.selectors
