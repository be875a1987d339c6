import { describe, expect, it } from 'vitest'
import type { Room } from '../api/types'
import { readsSlice, roomRead, unreadCount } from './readsSlice'

const room: Room = {
  id: 'r1',
  name: 'general',
  private: false,
  createdAt: '',
  lastSeq: 10,
  member: true,
}

describe('unread counts', () => {
  it('counts messages after the last one seen', () => {
    const reads = readsSlice.reducer(undefined, roomRead({ userId: 'u1', roomId: 'r1', seq: 7 }))

    expect(unreadCount(reads, 'u1', room)).toBe(3)
    expect(unreadCount(reads, 'u2', room)).toBe(10)
  })

  it('never moves the read position backwards', () => {
    const reads = [
      roomRead({ userId: 'u1', roomId: 'r1', seq: 9 }),
      roomRead({ userId: 'u1', roomId: 'r1', seq: 4 }),
    ].reduce(readsSlice.reducer, readsSlice.getInitialState())

    expect(unreadCount(reads, 'u1', room)).toBe(1)
  })

  it('shows no count for a room the user is not in', () => {
    expect(unreadCount({}, 'u1', { ...room, member: false })).toBe(0)
  })
})
