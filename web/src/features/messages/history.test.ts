import { describe, expect, it } from 'vitest'
import type { Message } from '../api/types'
import { firstHole, gapBefore, mergeMessages } from './history'

function message(seq: number, body = `m${seq}`): Message {
  return {
    id: `id-${seq}`,
    roomId: 'r',
    seq,
    senderId: 'u',
    senderName: 'U',
    body,
    createdAt: '2026-12-04T10:00:00Z',
  }
}

describe('mergeMessages', () => {
  it('keeps messages in seq order whatever order they arrive in', () => {
    const merged = mergeMessages([message(2), message(5)], [message(4), message(1), message(3)])

    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5])
  })

  it('holds one message per seq, the later copy winning', () => {
    const merged = mergeMessages([message(1, 'pending copy')], [message(1, 'from server')])

    expect(merged).toHaveLength(1)
    expect(merged[0]?.body).toBe('from server')
  })
})

describe('gapBefore', () => {
  const history = { messages: [message(1), message(2), message(3)], hasOlder: false }

  it('finds nothing missing when the next seq arrives', () => {
    expect(gapBefore(history, 4)).toBeNull()
    expect(gapBefore(history, 2)).toBeNull()
  })

  it('names the last held seq when a later one skips ahead', () => {
    expect(gapBefore(history, 6)).toBe(3)
  })
})

describe('firstHole', () => {
  it('points at the seq after which messages are missing', () => {
    const history = { messages: [message(1), message(2), message(5), message(8)], hasOlder: false }

    expect(firstHole(history)).toBe(2)
    expect(firstHole({ messages: [message(4), message(5)], hasOlder: true })).toBeNull()
  })
})
