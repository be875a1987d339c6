import type { MemberPresence, Message, Room, User } from '../features/api/types'
import type { SocketFactory, SocketHandlers } from '../features/realtime/connection'
import type { ClientFrame, ServerEvent } from '../features/realtime/events'

/**
 * An in-memory stand-in for the contract, used by unit tests only: a `fetch` for the REST
 * routes the client calls and scripted sockets the test opens, drops and pushes frames into.
 * The browser tests run against the real stack.
 */
export class FakeBackend {
  readonly rooms = new Map<string, Room>()
  readonly messages = new Map<string, Message[]>()
  readonly presence = new Map<string, MemberPresence[]>()
  readonly requests: string[] = []
  readonly sockets: FakeSocket[] = []
  failNextRequests = 0
  me: User = { id: 'u-ann', username: 'ann', displayName: 'Ann' }

  addRoom(room: Partial<Room> & { id: string }): Room {
    const full: Room = {
      name: room.id,
      topic: '',
      private: false,
      createdAt: '2026-12-04T10:00:00Z',
      lastSeq: 0,
      member: true,
      ...room,
    }
    this.rooms.set(full.id, full)
    this.messages.set(full.id, [])
    return full
  }

  /** Stores a message as the server would (next seq), without pushing it. */
  store(
    roomId: string,
    body: string,
    sender = { id: 'u-bob', name: 'Bob' },
    clientMsgId?: string,
  ): Message {
    const list = this.messages.get(roomId) ?? []
    const message: Message = {
      id: `m-${roomId}-${list.length + 1}`,
      roomId,
      seq: list.length + 1,
      senderId: sender.id,
      senderName: sender.name,
      body,
      clientMsgId: clientMsgId ?? null,
      createdAt: new Date(Date.UTC(2026, 11, 4, 10, 0, list.length)).toISOString(),
    }
    list.push(message)
    this.messages.set(roomId, list)
    const room = this.rooms.get(roomId)
    if (room !== undefined) room.lastSeq = message.seq
    return message
  }

  get socket(): FakeSocket {
    const last = this.sockets.at(-1)
    if (last === undefined) throw new Error('no socket was opened')
    return last
  }

  readonly createSocket: SocketFactory = (url, handlers) => {
    const socket = new FakeSocket(url, handlers)
    this.sockets.push(socket)
    return socket
  }

  readonly fetch: typeof fetch = (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init)
    return this.answer(request)
  }

  private async answer(request: Request): Promise<Response> {
    const url = new URL(request.url)
    const path = url.pathname.replace(/^\/api\//, '')
    this.requests.push(`${request.method} ${path}${url.search}`)
    if (this.failNextRequests > 0) {
      this.failNextRequests -= 1
      return json(500, { error: { code: 'internal', message: 'boom' } })
    }
    const parts = path.split('/').map(decodeURIComponent)

    if (request.method === 'POST' && path === 'auth/login') {
      const body = (await request.json()) as { username: string; password: string }
      return body.password === 'correct horse'
        ? json(200, { token: 'token-ann', user: this.me })
        : json(401, { error: { code: 'invalid_credentials', message: 'no' } })
    }
    if (request.method === 'POST' && path === 'auth/register') {
      const body = (await request.json()) as { username: string; displayName?: string }
      if (body.username === 'taken')
        return json(409, { error: { code: 'username_taken', message: 'taken' } })
      const user = {
        id: `u-${body.username}`,
        username: body.username,
        displayName: body.displayName ?? body.username,
      }
      return json(201, { token: `token-${body.username}`, user })
    }
    if (request.headers.get('Authorization') !== 'Bearer token-ann') {
      return json(401, { error: { code: 'unauthorized', message: 'no' } })
    }
    if (path === 'users/me') return json(200, { user: this.me })
    if (path === 'rooms' && request.method === 'GET')
      return json(200, { rooms: [...this.rooms.values()] })
    if (path === 'rooms' && request.method === 'POST') {
      const body = (await request.json()) as { name: string; topic?: string; private?: boolean }
      const room = this.addRoom({
        id: `r-${String(this.rooms.size + 1)}`,
        name: body.name,
        topic: body.topic ?? '',
        private: body.private ?? false,
      })
      return json(201, { room })
    }
    const room = this.rooms.get(parts[1] ?? '')
    if (parts[0] !== 'rooms' || room === undefined)
      return json(404, { error: { code: 'not_found', message: 'no' } })
    if (parts[2] === 'members' && request.method === 'POST') {
      room.member = true
      return json(200, { room })
    }
    if (parts[2] === 'members' && request.method === 'DELETE') {
      room.member = false
      return new Response(null, { status: 204 })
    }
    if (parts[2] === 'presence') return json(200, { members: this.presence.get(room.id) ?? [] })
    if (parts[2] === 'messages') return json(200, this.page(room.id, url.searchParams))
    return json(404, { error: { code: 'not_found', message: 'no' } })
  }

  private page(
    roomId: string,
    params: URLSearchParams,
  ): { messages: Message[]; hasMore: boolean } {
    const all = this.messages.get(roomId) ?? []
    const limit = Number(params.get('limit') ?? '50')
    const after = params.get('after')
    if (after !== null) {
      const newer = all.filter((m) => m.seq > Number(after))
      return { messages: newer.slice(0, limit), hasMore: newer.length > limit }
    }
    const before = params.get('before')
    const older = before === null ? all : all.filter((m) => m.seq < Number(before))
    const page = older.slice(-limit).reverse()
    return { messages: page, hasMore: older.length > limit }
  }
}

function json(status: number, body: unknown): Promise<Response> {
  return Promise.resolve(
    new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json' },
    }),
  )
}

/** A socket whose far end the test plays: it opens, drops and pushes on command. */
export class FakeSocket {
  readonly url: string
  readonly sent: ClientFrame[] = []
  closedByClient = false
  private readonly handlers: SocketHandlers

  constructor(url: string, handlers: SocketHandlers) {
    this.url = url
    this.handlers = handlers
  }

  send(data: string): void {
    this.sent.push(JSON.parse(data) as ClientFrame)
  }

  close(): void {
    this.closedByClient = true
  }

  accept(): void {
    this.handlers.onOpen()
  }

  push(event: ServerEvent): void {
    this.handlers.onMessage(JSON.stringify(event))
  }

  drop(code = 1006): void {
    this.handlers.onClose(code)
  }

  framesOf<A extends ClientFrame['action']>(action: A): Extract<ClientFrame, { action: A }>[] {
    return this.sent.filter((f): f is Extract<ClientFrame, { action: A }> => f.action === action)
  }
}
