import { describe, expect, it } from 'vitest'
import { signedOut } from '../auth/authSlice'
import {
  messageDelivered,
  messageFailed,
  messageQueued,
  messageRetried,
  outboxSlice,
} from './outboxSlice'

const reduce = outboxSlice.reducer

describe('the outbox', () => {
  it('holds a queued message as sending under a fresh clientMsgId', () => {
    const state = reduce(undefined, messageQueued('r1', 'hi'))
    const [entry] = Object.values(state)

    expect(entry).toMatchObject({ roomId: 'r1', body: 'hi', status: 'sending' })
    expect(entry?.clientMsgId.length).toBeGreaterThan(8)
  })

  it('marks a failed message with the reason and clears it on retry', () => {
    let state = reduce(undefined, messageQueued('r1', 'hi', 'c1'))
    state = reduce(state, messageFailed({ clientMsgId: 'c1', error: 'Too long' }))
    expect(state.c1).toMatchObject({ status: 'failed', error: 'Too long' })

    state = reduce(state, messageRetried('c1'))
    expect(state.c1?.status).toBe('sending')
    expect(state.c1?.error).toBeUndefined()
  })

  it('forgets a message once delivered, and everything on sign-out', () => {
    let state = reduce(undefined, messageQueued('r1', 'a', 'c1'))
    state = reduce(state, messageQueued('r1', 'b', 'c2'))

    expect(Object.keys(reduce(state, messageDelivered('c1')))).toEqual(['c2'])
    expect(reduce(state, signedOut())).toEqual({})
  })
})
