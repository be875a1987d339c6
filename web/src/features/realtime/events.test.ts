import { describe, expect, it } from 'vitest'
import { parseServerEvent } from './events'

describe('parseServerEvent', () => {
  it('reads a pushed message', () => {
    const message = {
      id: 'm1',
      roomId: 'r1',
      seq: 3,
      senderId: 'u1',
      senderName: 'Ann',
      body: 'hi',
      clientMsgId: 'c1',
      createdAt: '2026-12-04T10:00:00Z',
    }

    expect(parseServerEvent(JSON.stringify({ type: 'message', message }))).toEqual({
      type: 'message',
      message,
    })
  })

  it('keeps the clientMsgId of an error so the composer can say which message failed', () => {
    const frame = JSON.stringify({
      type: 'error',
      code: 'rate_limited',
      message: 'slow down',
      action: 'sendMessage',
      clientMsgId: 'c9',
    })

    expect(parseServerEvent(frame)).toEqual({
      type: 'error',
      code: 'rate_limited',
      message: 'slow down',
      action: 'sendMessage',
      clientMsgId: 'c9',
    })
  })

  it('ignores frames that are not JSON, lack fields or have an unknown type', () => {
    expect(parseServerEvent('not json')).toBeNull()
    expect(parseServerEvent(JSON.stringify({ type: 'message', message: { id: 1 } }))).toBeNull()
    expect(parseServerEvent(JSON.stringify({ type: 'party' }))).toBeNull()
    expect(
      parseServerEvent(JSON.stringify({ type: 'presence', userId: 'u', status: 'gone' })),
    ).toBeNull()
  })
})
