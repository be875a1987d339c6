import { createSlice, nanoid, type PayloadAction } from '@reduxjs/toolkit'
import { isSessionClosed } from '../auth/authSlice'

/** A message this client sent that the server has not acknowledged yet. */
export interface OutgoingMessage {
  clientMsgId: string
  roomId: string
  body: string
  createdAt: string
  status: 'sending' | 'failed'
  error?: string
}

export type OutboxState = Record<string, OutgoingMessage>

const empty: OutboxState = {}

export const outboxSlice = createSlice({
  name: 'outbox',
  initialState: empty,
  reducers: {
    messageQueued: {
      reducer: (state, action: PayloadAction<Omit<OutgoingMessage, 'status'>>) => {
        state[action.payload.clientMsgId] = { ...action.payload, status: 'sending' }
      },
      prepare: (roomId: string, body: string, clientMsgId: string = nanoid()) => ({
        payload: { roomId, body, clientMsgId, createdAt: new Date().toISOString() },
      }),
    },
    messageFailed: (state, action: PayloadAction<{ clientMsgId: string; error: string }>) => {
      const entry = state[action.payload.clientMsgId]
      if (entry !== undefined) {
        entry.status = 'failed'
        entry.error = action.payload.error
      }
    },
    /** The person asked to send a failed message again, with the same clientMsgId. */
    messageRetried: (state, action: PayloadAction<string>) => {
      const entry = state[action.payload]
      if (entry !== undefined) {
        entry.status = 'sending'
        delete entry.error
      }
    },
    /** The server stored it: the message now lives in the room's history. */
    messageDelivered: (state, action: PayloadAction<string>) => {
      // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- keyed by clientMsgId
      delete state[action.payload]
    },
    messageDiscarded: (state, action: PayloadAction<string>) => {
      // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- keyed by clientMsgId
      delete state[action.payload]
    },
  },
  extraReducers: (builder) => {
    builder.addMatcher(isSessionClosed, () => ({}))
  },
  selectors: {
    selectOutbox: (state) => state,
  },
})

export const { messageQueued, messageFailed, messageRetried, messageDelivered, messageDiscarded } =
  outboxSlice.actions
