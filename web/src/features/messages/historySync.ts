import type { AppDispatch, RootState } from '../../app/store'
import type { Message } from '../api/types'
import { roomsApi } from '../rooms/roomsApi'
import {
  GAP_PAGE_SIZE,
  firstHole,
  gapBefore,
  mergeMessages,
  newestSeq,
  type RoomHistory,
} from './history'
import { messagesApi } from './messagesApi'
import { messageDelivered } from './outboxSlice'

/** A gap fill fetches at most this many pages in a row before it waits for the next trigger. */
const MAX_FILL_PAGES = 50

/**
 * Keeps the cached histories whole: merges pushed messages in seq order without duplicates,
 * and fetches `?after=` whenever a hole appears (a seq jump, a reconnect, a late first page).
 */
export class HistorySync {
  private readonly filling = new Set<string>()
  private readonly refill = new Set<string>()

  private readonly dispatch: AppDispatch
  private readonly getState: () => RootState

  constructor(dispatch: AppDispatch, getState: () => RootState) {
    this.dispatch = dispatch
    this.getState = getState
  }

  history(roomId: string): RoomHistory | undefined {
    return messagesApi.endpoints.getHistory.select(roomId)(this.getState()).data
  }

  /** Rooms whose history this client holds. */
  cachedRooms(): string[] {
    return messagesApi.util.selectCachedArgsForQuery(this.getState(), 'getHistory')
  }

  /** Merges messages into a room's history (if held) and fills any hole they reveal. */
  merge(roomId: string, messages: readonly Message[]): void {
    const newest = messages.reduce((max, m) => Math.max(max, m.seq), 0)
    this.raiseLastSeq(roomId, newest)
    this.deliverOwn(messages)

    const history = this.history(roomId)
    if (history === undefined || messages.length === 0) {
      return
    }
    const gap = gapBefore(history, Math.min(...messages.map((m) => m.seq)))
    this.dispatch(
      messagesApi.util.updateQueryData('getHistory', roomId, (draft) => {
        draft.messages = mergeMessages(draft.messages, messages)
      }),
    )
    if (gap !== null) {
      void this.fill(roomId)
    }
  }

  /** The room list says a room goes further than its held history: fetch what is missing. */
  catchUp(roomId: string): void {
    const history = this.history(roomId)
    const room = roomsApi.endpoints.getRooms
      .select(undefined)(this.getState())
      .data?.find((r) => r.id === roomId)
    if (history !== undefined && room !== undefined && room.lastSeq > newestSeq(history)) {
      void this.fill(roomId)
    }
  }

  /** Fetches every message missing from the held history and after its newest, page by page. */
  async fill(roomId: string): Promise<void> {
    if (this.filling.has(roomId)) {
      this.refill.add(roomId)
      return
    }
    this.filling.add(roomId)
    try {
      do {
        this.refill.delete(roomId)
        await this.fetchMissing(roomId)
      } while (this.refill.has(roomId))
    } finally {
      this.filling.delete(roomId)
    }
  }

  private async fetchMissing(roomId: string): Promise<void> {
    for (let page = 0; page < MAX_FILL_PAGES; page += 1) {
      const history = this.history(roomId)
      if (history === undefined) {
        return
      }
      const after = firstHole(history) ?? newestSeq(history)
      const request = this.dispatch(
        messagesApi.endpoints.getMessagePage.initiate(
          { roomId, after, limit: GAP_PAGE_SIZE },
          { subscribe: false, forceRefetch: true },
        ),
      )
      const result = await request
      if (result.data === undefined) {
        return // Failed: the next reconnect or seq jump tries again.
      }
      const { messages, hasMore } = result.data
      this.merge(roomId, messages)
      const filled = this.history(roomId)
      const holeLeft = filled !== undefined && firstHole(filled) !== null
      if (messages.length === 0 || (!hasMore && !holeLeft)) {
        return
      }
    }
  }

  private raiseLastSeq(roomId: string, seq: number): void {
    this.dispatch(
      roomsApi.util.updateQueryData('getRooms', undefined, (rooms) => {
        const room = rooms.find((r) => r.id === roomId)
        if (room !== undefined && room.lastSeq < seq) {
          room.lastSeq = seq
        }
      }),
    )
  }

  /** Own messages that reach the history are no longer pending, however they arrived. */
  private deliverOwn(messages: readonly Message[]): void {
    const state = this.getState()
    for (const message of messages) {
      const id = message.clientMsgId
      if (
        id !== undefined &&
        id !== null &&
        id in state.outbox &&
        message.senderId === state.auth.user?.id
      ) {
        this.dispatch(messageDelivered(id))
      }
    }
  }
}
