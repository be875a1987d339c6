import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { messagesApi } from '../messages/messagesApi'
import { messageQueued, messageRetried } from '../messages/outboxSlice'
import { roomsApi } from '../rooms/roomsApi'
import { makeTestApp, type TestApp } from '../../test/harness'
import { HEARTBEAT_MS, MAX_SOCKET_AGE_MS } from './connection'
import { composerTyped, userActive } from './realtimeActions'
import { ACK_TIMEOUT_MS, AWAY_AFTER_MS } from './realtimeMiddleware'

const BOB = { id: 'u-bob', name: 'Bob' }

function seqs(app: TestApp, roomId = 'r1'): number[] {
  const history = messagesApi.endpoints.getHistory.select(roomId)(app.store.getState()).data
  return history?.messages.map((m) => m.seq) ?? []
}

async function flush(ms = 0): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms)
}

/** Ann is signed in, room r1 has three messages, its history is held and the socket is open. */
async function openRoomApp(): Promise<TestApp> {
  const app = makeTestApp()
  app.backend.addRoom({ id: 'r1', name: 'general' })
  for (const body of ['one', 'two', 'three']) app.backend.store('r1', body)
  void app.store.dispatch(messagesApi.endpoints.getHistory.initiate('r1'))
  void app.store.dispatch(roomsApi.endpoints.getRooms.initiate(undefined))
  app.backend.socket.accept()
  await flush()
  return app
}

describe('the real-time middleware', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('connects with the token in the query string and beats as soon as it is open', async () => {
    const app = makeTestApp()

    expect(app.store.getState().connection.link).toBe('connecting')
    expect(app.backend.socket.url).toBe('ws://chat.test/ws?token=token-ann')

    app.backend.socket.accept()
    await flush()

    expect(app.store.getState().connection.link).toBe('open')
    expect(app.backend.socket.framesOf('heartbeat')).toEqual([
      { action: 'heartbeat', status: 'online' },
    ])
  })

  it('merges pushed messages into the cached history once each, in seq order', async () => {
    const app = await openRoomApp()
    const fourth = app.backend.store('r1', 'four', BOB)

    app.backend.socket.push({ type: 'message', message: fourth })
    app.backend.socket.push({ type: 'message', message: fourth })
    await flush()

    expect(seqs(app)).toEqual([1, 2, 3, 4])
    const rooms = roomsApi.endpoints.getRooms.select(undefined)(app.store.getState()).data
    expect(rooms?.[0]?.lastSeq).toBe(4)
  })

  it('fetches the missing messages when a pushed seq skips ahead', async () => {
    const app = await openRoomApp()
    app.backend.store('r1', 'four')
    app.backend.store('r1', 'five')
    const sixth = app.backend.store('r1', 'six')

    app.backend.socket.push({ type: 'message', message: sixth })
    await flush()

    expect(app.backend.requests).toContain('GET rooms/r1/messages?after=3&limit=200')
    expect(seqs(app)).toEqual([1, 2, 3, 4, 5, 6])
  })

  it('reconnects with backoff after a drop and fills the gap without duplicates', async () => {
    const app = await openRoomApp()
    const first = app.backend.socket

    first.drop()
    await flush()
    expect(app.store.getState().connection.link).toBe('reconnecting')

    app.backend.store('r1', 'while away 1')
    app.backend.store('r1', 'while away 2')
    await flush(1500)
    expect(app.backend.sockets).toHaveLength(2)

    app.backend.socket.accept()
    await flush()
    app.backend.socket.push({ type: 'message', message: app.backend.store('r1', 'after') })
    await flush()

    expect(app.store.getState().connection.link).toBe('open')
    expect(app.backend.requests).toContain('GET rooms/r1/messages?after=3&limit=200')
    expect(seqs(app)).toEqual([1, 2, 3, 4, 5, 6])
  })

  it('waits longer after each failed attempt', async () => {
    const app = makeTestApp()

    app.backend.socket.drop()
    await flush(999)
    expect(app.backend.sockets).toHaveLength(1)
    await flush(1000)
    expect(app.backend.sockets).toHaveLength(2)

    app.backend.socket.drop()
    await flush(2999)
    expect(app.backend.sockets).toHaveLength(2)
    await flush(1000)
    expect(app.backend.sockets).toHaveLength(3)
  })

  it('signs out when the socket keeps failing because the token is refused', async () => {
    const app = makeTestApp()
    app.backend.me = { id: 'u-ann', username: 'ann', displayName: 'Ann' }
    app.store.dispatch({
      type: 'auth/signedIn',
      payload: { token: 'expired', user: app.backend.me },
    })

    for (let attempt = 0; attempt < 3; attempt += 1) {
      app.backend.socket.drop()
      await flush(5000)
    }

    expect(app.store.getState().auth.token).toBeNull()
  })

  it('replaces the socket before the gateway closes it at two hours', async () => {
    const app = await openRoomApp()
    const first = app.backend.socket

    await flush(MAX_SOCKET_AGE_MS)

    expect(first.closedByClient).toBe(true)
    expect(app.backend.sockets).toHaveLength(2)
    app.backend.socket.accept()
    await flush()
    expect(app.store.getState().connection.link).toBe('open')
  })

  it('shows a sent message as pending and reconciles it with its ack', async () => {
    const app = await openRoomApp()

    app.store.dispatch(messageQueued('r1', 'hello', 'c-1'))
    expect(app.store.getState().outbox['c-1']?.status).toBe('sending')
    expect(app.backend.socket.framesOf('sendMessage')).toEqual([
      { action: 'sendMessage', roomId: 'r1', clientMsgId: 'c-1', body: 'hello' },
    ])

    const stored = app.backend.store('r1', 'hello', { id: 'u-ann', name: 'Ann' }, 'c-1')
    app.backend.socket.push({
      type: 'ack',
      clientMsgId: 'c-1',
      messageId: stored.id,
      seq: 4,
      roomId: 'r1',
    })
    await flush()
    expect(app.store.getState().outbox).toEqual({})
    expect(seqs(app)).toEqual([1, 2, 3, 4])

    app.backend.socket.push({ type: 'message', message: stored })
    await flush()
    expect(seqs(app)).toEqual([1, 2, 3, 4])
  })

  it('reports why a message failed and retries it with the same clientMsgId', async () => {
    const app = await openRoomApp()
    app.store.dispatch(messageQueued('r1', 'spam', 'c-2'))

    app.backend.socket.push({
      type: 'error',
      code: 'rate_limited',
      message: 'slow down',
      action: 'sendMessage',
      clientMsgId: 'c-2',
    })
    await flush()
    expect(app.store.getState().outbox['c-2']).toMatchObject({
      status: 'failed',
      error: 'Too many messages at once; wait a moment.',
    })

    app.store.dispatch(messageRetried('c-2'))
    expect(app.backend.socket.framesOf('sendMessage').map((f) => f.clientMsgId)).toEqual([
      'c-2',
      'c-2',
    ])
  })

  it('gives up waiting for an ack after a while, and a late ack still delivers', async () => {
    const app = await openRoomApp()
    app.store.dispatch(messageQueued('r1', 'into the void', 'c-4'))

    await flush(ACK_TIMEOUT_MS)
    expect(app.store.getState().outbox['c-4']).toMatchObject({
      status: 'failed',
      error: 'No answer from the server.',
    })

    app.backend.socket.push({
      type: 'ack',
      clientMsgId: 'c-4',
      messageId: 'm',
      seq: 4,
      roomId: 'r1',
    })
    await flush()
    expect(app.store.getState().outbox).toEqual({})
    expect(seqs(app)).toEqual([1, 2, 3, 4])
  })

  it('sends messages written while offline once the socket opens', async () => {
    const app = makeTestApp()
    app.store.dispatch(messageQueued('r1', 'queued', 'c-3'))
    expect(app.backend.socket.sent).toEqual([])

    app.backend.socket.accept()
    await flush()

    expect(app.backend.socket.framesOf('sendMessage').map((f) => f.clientMsgId)).toEqual(['c-3'])
  })

  it('beats every 30 s and reports away after 5 minutes without input', async () => {
    const app = await openRoomApp()
    const socket = app.backend.socket

    await flush(HEARTBEAT_MS)
    expect(socket.framesOf('heartbeat').at(-1)).toEqual({ action: 'heartbeat', status: 'online' })

    await flush(AWAY_AFTER_MS)
    expect(socket.framesOf('heartbeat').at(-1)).toEqual({ action: 'heartbeat', status: 'away' })
    expect(app.store.getState().connection.myStatus).toBe('away')

    app.store.dispatch(userActive())
    expect(socket.framesOf('heartbeat').at(-1)).toEqual({ action: 'heartbeat', status: 'online' })
  })

  it('announces typing at most once every few seconds per room', async () => {
    const app = await openRoomApp()

    for (let key = 0; key < 5; key += 1) app.store.dispatch(composerTyped('r1'))
    await flush(3000)
    app.store.dispatch(composerTyped('r1'))

    expect(app.backend.socket.framesOf('typing')).toHaveLength(2)
  })

  it('subscribes the open socket to a room joined after it connected', async () => {
    const app = await openRoomApp()
    app.backend.addRoom({ id: 'r2', name: 'random', member: false })

    await app.store.dispatch(roomsApi.endpoints.joinRoom.initiate('r2'))

    expect(app.backend.socket.framesOf('joinRoom')).toEqual([{ action: 'joinRoom', roomId: 'r2' }])
  })

  it('shows and expires typing from others and clears it when their message arrives', async () => {
    const app = await openRoomApp()

    app.backend.socket.push({ type: 'typing', roomId: 'r1', userId: 'u-bob', displayName: 'Bob' })
    expect(Object.keys(app.store.getState().typing.r1 ?? {})).toEqual(['u-bob'])

    app.backend.socket.push({ type: 'message', message: app.backend.store('r1', 'done', BOB) })
    await flush()
    expect(Object.keys(app.store.getState().typing.r1 ?? {})).toEqual([])
  })

  it('closes the socket and forgets cached data on sign-out', async () => {
    const app = await openRoomApp()

    app.store.dispatch({ type: 'auth/signedOut' })

    expect(app.backend.socket.closedByClient).toBe(true)
    expect(seqs(app)).toEqual([])
    expect(app.store.getState().connection.link).toBe('offline')
  })
})
