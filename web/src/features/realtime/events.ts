import type { Message, PresenceStatus } from '../api/types'

// Frames of the WebSocket contract. Server events are a discriminated union on `type`,
// client frames on `action`.

export type ServerEvent =
  | { type: 'message'; message: Message }
  | { type: 'ack'; clientMsgId: string; messageId: string; seq: number; roomId: string }
  | { type: 'joined'; roomId: string }
  | { type: 'left'; roomId: string }
  | { type: 'typing'; roomId: string; userId: string; displayName: string }
  | { type: 'presence'; userId: string; status: PresenceStatus; lastSeenAt?: string | null }
  | { type: 'pong'; serverTime?: string | number }
  | {
      type: 'error'
      code: string
      message: string
      action?: string
      clientMsgId?: string
    }

export type ClientFrame =
  | { action: 'sendMessage'; roomId: string; clientMsgId: string; body: string }
  | { action: 'joinRoom'; roomId: string }
  | { action: 'leaveRoom'; roomId: string }
  | { action: 'typing'; roomId: string }
  | { action: 'heartbeat'; status: 'online' | 'away' }

type Fields = Record<string, unknown>

function isString(value: unknown): value is string {
  return typeof value === 'string'
}

function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null) {
    return false
  }
  const m = value as Fields
  return (
    isString(m.id) &&
    isString(m.roomId) &&
    typeof m.seq === 'number' &&
    isString(m.senderId) &&
    isString(m.body)
  )
}

function isStatus(value: unknown): value is PresenceStatus {
  return value === 'online' || value === 'away' || value === 'offline'
}

function optionalString(value: unknown): string | undefined {
  return isString(value) ? value : undefined
}

/** Turns one frame into an event, or null for anything this client does not understand. */
export function parseServerEvent(data: unknown): ServerEvent | null {
  if (!isString(data)) {
    return null
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(data)
  } catch {
    return null
  }
  if (typeof parsed !== 'object' || parsed === null) {
    return null
  }
  const f = parsed as Fields
  switch (f.type) {
    case 'message':
      return isMessage(f.message) ? { type: 'message', message: f.message } : null
    case 'ack':
      return isString(f.clientMsgId) && isString(f.roomId) && typeof f.seq === 'number'
        ? {
            type: 'ack',
            clientMsgId: f.clientMsgId,
            messageId: isString(f.messageId) ? f.messageId : '',
            seq: f.seq,
            roomId: f.roomId,
          }
        : null
    case 'joined':
    case 'left':
      return isString(f.roomId) ? { type: f.type, roomId: f.roomId } : null
    case 'typing':
      return isString(f.roomId) && isString(f.userId)
        ? {
            type: 'typing',
            roomId: f.roomId,
            userId: f.userId,
            displayName: isString(f.displayName) ? f.displayName : f.userId,
          }
        : null
    case 'presence':
      return isString(f.userId) && isStatus(f.status)
        ? {
            type: 'presence',
            userId: f.userId,
            status: f.status,
            lastSeenAt: optionalString(f.lastSeenAt) ?? null,
          }
        : null
    case 'pong':
      return { type: 'pong' }
    case 'error': {
      const event: ServerEvent = {
        type: 'error',
        code: isString(f.code) ? f.code : 'internal',
        message: isString(f.message) ? f.message : '',
      }
      const action = optionalString(f.action)
      const clientMsgId = optionalString(f.clientMsgId)
      if (action !== undefined) event.action = action
      if (clientMsgId !== undefined) event.clientMsgId = clientMsgId
      return event
    }
    default:
      return null
  }
}
