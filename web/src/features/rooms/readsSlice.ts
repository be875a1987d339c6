import { createSlice, type PayloadAction } from '@reduxjs/toolkit'
import type { Room } from '../api/types'

/** The last seq each user has seen in each room (userId → roomId → seq) */
export type ReadsState = Record<string, Record<string, number>>

const nobodyRead: ReadsState = {}

export const readsSlice = createSlice({
  name: 'reads',
  initialState: nobodyRead,
  reducers: {
    roomRead: (state, action: PayloadAction<{ userId: string; roomId: string; seq: number }>) => {
      const { userId, roomId, seq } = action.payload
      state[userId] ??= {}
      const mine = state[userId]
      mine[roomId] = Math.max(mine[roomId] ?? 0, seq)
    },
  },
})

export const { roomRead } = readsSlice.actions

export function unreadCount(reads: ReadsState, userId: string | undefined, room: Room): number {
  if (!room.member || userId === undefined) {
    return 0
  }
  const seen = reads[userId]?.[room.id] ?? 0
  return Math.max(0, room.lastSeq - seen)
}
