import { createSlice, type PayloadAction } from '@reduxjs/toolkit'
import { isSessionClosed } from '../auth/authSlice'

/** How long "is typing" stays up after the last typing event from someone. */
export const TYPING_SHOWN_MS = 6000

interface Typist {
  displayName: string
  until: number
}

export type TypingState = Record<string, Record<string, Typist>>

const nobodyTyping: TypingState = {}

export const typingSlice = createSlice({
  name: 'typing',
  initialState: nobodyTyping,
  reducers: {
    typingReceived: (
      state,
      action: PayloadAction<{ roomId: string; userId: string; displayName: string; at: number }>,
    ) => {
      const { roomId, userId, displayName, at } = action.payload
      state[roomId] ??= {}
      state[roomId][userId] = { displayName, until: at + TYPING_SHOWN_MS }
    },
    /** Someone's message arrived: they have stopped typing it. */
    typingStopped: (state, action: PayloadAction<{ roomId: string; userId: string }>) => {
      const room = state[action.payload.roomId]
      if (room !== undefined) {
        // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- keyed by user id
        delete room[action.payload.userId]
      }
    },
  },
  extraReducers: (builder) => {
    builder.addMatcher(isSessionClosed, () => ({}))
  },
})

export const { typingReceived, typingStopped } = typingSlice.actions

/** The names typing in a room at `now`, the signed-in user left out, in a stable order. */
export function typingNames(
  state: TypingState,
  roomId: string,
  now: number,
  me?: string,
): string[] {
  const room = state[roomId] ?? {}
  return Object.entries(room)
    .filter(([userId, typist]) => userId !== me && typist.until > now)
    .map(([, typist]) => typist.displayName)
    .sort((a, b) => a.localeCompare(b))
}

/** "Bob is typing…", "Bob and Carol are typing…", "Several people are typing…". */
export function typingSentence(names: readonly string[]): string {
  const [first, second] = names
  if (first === undefined) {
    return ''
  }
  if (second === undefined) {
    return `${first} is typing…`
  }
  if (names.length === 2) {
    return `${first} and ${second} are typing…`
  }
  return 'Several people are typing…'
}

export function nextExpiry(state: TypingState, roomId: string, now: number): number | null {
  const times = Object.values(state[roomId] ?? {})
    .map((typist) => typist.until)
    .filter((until) => until > now)
  return times.length === 0 ? null : Math.min(...times)
}
