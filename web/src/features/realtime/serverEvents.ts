import type { AppDispatch, RootState } from '../../app/store'
import { api } from '../api/apiSlice'
import { describeCode } from '../api/errors'
import type { Message } from '../api/types'
import type { HistorySync } from '../messages/historySync'
import { messageFailed } from '../messages/outboxSlice'
import { presenceApi } from '../presence/presenceApi'
import { typingReceived, typingStopped } from '../typing/typingSlice'
import type { ServerEvent } from './events'

type AckEvent = Extract<ServerEvent, { type: 'ack' }>
type PresenceEvent = Extract<ServerEvent, { type: 'presence' }>

/** Applies each server event to the store. */
export class ServerEventHandler {
  private readonly dispatch: AppDispatch
  private readonly getState: () => RootState
  private readonly sync: HistorySync
  private readonly now: () => number

  constructor(
    dispatch: AppDispatch,
    getState: () => RootState,
    sync: HistorySync,
    now: () => number,
  ) {
    this.dispatch = dispatch
    this.getState = getState
    this.sync = sync
    this.now = now
  }

  handle(event: ServerEvent): void {
    switch (event.type) {
      case 'message':
        this.dispatch(
          typingStopped({ roomId: event.message.roomId, userId: event.message.senderId }),
        )
        this.sync.merge(event.message.roomId, [event.message])
        this.noticeMember(event.message.roomId, event.message.senderId)
        break
      case 'ack':
        this.acknowledge(event)
        break
      case 'typing':
        this.dispatch(typingReceived({ ...event, at: this.now() }))
        this.noticeMember(event.roomId, event.userId)
        break
      case 'presence':
        this.updatePresence(event)
        break
      case 'error':
        if (event.clientMsgId !== undefined && event.clientMsgId in this.getState().outbox) {
          const error = describeCode(event.code, event.message)
          this.dispatch(messageFailed({ clientMsgId: event.clientMsgId, error }))
        }
        break
      case 'joined':
      case 'left':
      case 'pong':
        break
    }
  }

  /**
   * The server stored one of ours. The ack carries no body, so the pending copy supplies it;
   * the pushed `message` for the same seq, when it comes, replaces this one.
   */
  private acknowledge(ack: AckEvent): void {
    const state = this.getState()
    const pending = state.outbox[ack.clientMsgId]
    const me = state.auth.user
    if (pending === undefined || me === null) {
      return
    }
    const held = this.sync.history(ack.roomId)?.messages.find((m) => m.seq === ack.seq)
    const message: Message = held ?? {
      id: ack.messageId,
      roomId: ack.roomId,
      seq: ack.seq,
      senderId: me.id,
      senderName: me.displayName,
      body: pending.body,
      clientMsgId: ack.clientMsgId,
      createdAt: pending.createdAt,
    }
    this.sync.merge(ack.roomId, [message])
  }

  /** Someone speaks in a room whose member list lacks them: they joined since it loaded. */
  private noticeMember(roomId: string, userId: string): void {
    const members = presenceApi.endpoints.getPresence.select(roomId)(this.getState()).data
    if (members !== undefined && !members.some((m) => m.userId === userId)) {
      this.dispatch(api.util.invalidateTags([{ type: 'Presence', id: roomId }]))
    }
  }

  private updatePresence(event: PresenceEvent): void {
    const rooms = presenceApi.util.selectCachedArgsForQuery(this.getState(), 'getPresence')
    const found = { member: false }
    for (const roomId of rooms) {
      this.dispatch(
        presenceApi.util.updateQueryData('getPresence', roomId, (members) => {
          const member = members.find((m) => m.userId === event.userId)
          if (member !== undefined) {
            member.status = event.status
            member.lastSeenAt = event.lastSeenAt ?? member.lastSeenAt ?? null
            found.member = true
          }
        }),
      )
    }
    if (!found.member && rooms.length > 0) {
      // Someone new shares a room with us: the member lists need reloading.
      this.dispatch(api.util.invalidateTags(['Presence']))
    }
  }
}
