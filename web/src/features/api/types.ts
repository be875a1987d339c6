// The shapes of the public wire contract (shared/contract/PROTOCOL.md), as the client sees them.

export interface User {
  id: string
  username: string
  displayName: string
}

export interface Session {
  token: string
  user: User
}

export interface Room {
  id: string
  name: string
  topic?: string | null
  private: boolean
  createdAt: string
  lastSeq: number
  member: boolean
}

export interface Message {
  id: string
  roomId: string
  seq: number
  senderId: string
  senderName: string
  body: string
  clientMsgId?: string | null
  createdAt: string
}

export interface MessagePage {
  messages: Message[]
  hasMore: boolean
}

export type PresenceStatus = 'online' | 'away' | 'offline'

export interface MemberPresence {
  userId: string
  username: string
  displayName: string
  status: PresenceStatus
  lastSeenAt?: string | null
}

export interface ApiErrorBody {
  error: { code: string; message: string }
}
