import { isAnyOf, type Middleware } from '@reduxjs/toolkit'
import type { AppDeps } from '../../app/deps'
import type { AppDispatch, RootState } from '../../app/store'
import { api } from '../api/apiSlice'
import { authApi } from '../auth/authApi'
import { isSessionClosed, signedIn } from '../auth/authSlice'
import { HistorySync } from '../messages/historySync'
import { messagesApi } from '../messages/messagesApi'
import {
  messageFailed,
  messageQueued,
  messageRetried,
  type OutgoingMessage,
} from '../messages/outboxSlice'
import { roomsApi } from '../rooms/roomsApi'
import { RealtimeLink, socketUrl } from './connection'
import { linkChanged, myStatusChanged } from './connectionSlice'
import { parseServerEvent, type ClientFrame } from './events'
import { appStarted, composerTyped, networkReturned, userActive } from './realtimeActions'
import { ServerEventHandler } from './serverEvents'

/** Typing is announced at most this often per room. */
export const TYPING_EVERY_MS = 3000
/** Without input for this long, the client reports `away`. */
export const AWAY_AFTER_MS = 5 * 60_000
/** A sent message with neither ack nor error after this long is shown as failed. */
export const ACK_TIMEOUT_MS = 15_000
/** After this many failed opens in a row, check whether the token itself is the problem. */
const FAILURES_BEFORE_TOKEN_CHECK = 2

const roomJoined = isAnyOf(
  roomsApi.endpoints.joinRoom.matchFulfilled,
  roomsApi.endpoints.createRoom.matchFulfilled,
)

/**
 * Owns the WebSocket for the signed-in session: connects on sign-in, sends what the UI asks
 * for, and merges every pushed event into the store and the cached queries.
 */
export function createRealtimeMiddleware(deps: AppDeps): Middleware<object, RootState> {
  return (storeApi) => {
    const dispatch = storeApi.dispatch as AppDispatch
    const getState = (): RootState => storeApi.getState()
    const sync = new HistorySync(dispatch, getState)
    const events = new ServerEventHandler(dispatch, getState, sync, deps.now)
    let link: RealtimeLink | null = null
    let lastInputAt = deps.now()
    const typingSentAt = new Map<string, number>()
    const ackTimers = new Map<string, ReturnType<typeof setTimeout>>()

    const send = (frame: ClientFrame): boolean => link?.send(frame) ?? false

    const sendMessage = (entry: OutgoingMessage): void => {
      const { clientMsgId } = entry
      clearTimeout(ackTimers.get(clientMsgId))
      const sent = send({
        action: 'sendMessage',
        roomId: entry.roomId,
        clientMsgId,
        body: entry.body,
      })
      if (!sent) {
        return // Still queued: it goes out when the socket opens.
      }
      ackTimers.set(
        clientMsgId,
        setTimeout(() => {
          ackTimers.delete(clientMsgId)
          if (getState().outbox[clientMsgId]?.status === 'sending') {
            dispatch(messageFailed({ clientMsgId, error: 'No answer from the server.' }))
          }
        }, ACK_TIMEOUT_MS),
      )
    }

    const heartbeat = (): ClientFrame => {
      if (
        getState().connection.myStatus === 'online' &&
        deps.now() - lastInputAt >= AWAY_AFTER_MS
      ) {
        dispatch(myStatusChanged('away'))
      }
      return { action: 'heartbeat', status: getState().connection.myStatus }
    }

    const resume = (): void => {
      // Anything sent while the link was down, or not acknowledged before it dropped, goes
      // again with the same clientMsgId: the server stores it at most once.
      for (const entry of Object.values(getState().outbox)) {
        if (entry.status === 'sending') sendMessage(entry)
      }
      for (const roomId of sync.cachedRooms()) {
        void sync.fill(roomId)
      }
      dispatch(api.util.invalidateTags(['Rooms', 'Presence']))
    }

    const start = (): void => {
      const token = getState().auth.token
      if (token === null || link !== null) return
      lastInputAt = deps.now()
      link = new RealtimeLink({
        url: socketUrl(deps.config.webSocketUrl, token),
        createSocket: deps.createSocket,
        random: deps.random,
        now: deps.now,
        listener: {
          stateChanged: (state, retryAt) => dispatch(linkChanged({ link: state, retryAt })),
          opened: (resumed) => {
            if (resumed) {
              resume()
            } else {
              for (const entry of Object.values(getState().outbox)) {
                if (entry.status === 'sending') sendMessage(entry)
              }
            }
          },
          received: (data) => {
            const event = parseServerEvent(data)
            if (event !== null) events.handle(event)
          },
          failedToOpen: (consecutive) => {
            if (consecutive === FAILURES_BEFORE_TOKEN_CHECK) {
              // A refused token closes the socket before it opens; a 401 here ends the session.
              void dispatch(
                authApi.endpoints.getMe.initiate(undefined, {
                  subscribe: false,
                  forceRefetch: true,
                }),
              )
            }
          },
          heartbeat,
        },
      })
      link.start()
    }

    const stop = (): void => {
      link?.stop()
      link = null
      typingSentAt.clear()
      for (const timer of ackTimers.values()) clearTimeout(timer)
      ackTimers.clear()
    }

    return (next) => (action) => {
      const result = next(action)

      if (appStarted.match(action) || signedIn.match(action)) {
        start()
      } else if (isSessionClosed(action)) {
        stop()
        dispatch(api.util.resetApiState())
      } else if (messageQueued.match(action)) {
        const entry = getState().outbox[action.payload.clientMsgId]
        if (entry !== undefined) sendMessage(entry)
      } else if (messageRetried.match(action)) {
        const entry = getState().outbox[action.payload]
        if (entry !== undefined) sendMessage(entry)
      } else if (composerTyped.match(action)) {
        const last = typingSentAt.get(action.payload) ?? -Infinity
        if (
          deps.now() - last >= TYPING_EVERY_MS &&
          send({ action: 'typing', roomId: action.payload })
        ) {
          typingSentAt.set(action.payload, deps.now())
        }
      } else if (userActive.match(action)) {
        lastInputAt = deps.now()
        if (getState().connection.myStatus === 'away') {
          dispatch(myStatusChanged('online'))
          send({ action: 'heartbeat', status: 'online' })
        }
      } else if (networkReturned.match(action)) {
        link?.retryNow()
      } else if (roomJoined(action)) {
        // This socket was subscribed at connect time; a room joined since needs subscribing.
        send({ action: 'joinRoom', roomId: action.payload.id })
      } else if (messagesApi.endpoints.getHistory.matchFulfilled(action)) {
        sync.catchUp(action.meta.arg.originalArgs)
      }
      return result
    }
  }
}
