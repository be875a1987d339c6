import { reconnectDelay } from './backoff'
import type { ClientFrame } from './events'
import type { LinkState } from './connectionSlice'

export interface SocketHandlers {
  onOpen(): void
  onMessage(data: unknown): void
  onClose(code: number): void
}

export interface SocketHandle {
  send(data: string): void
  close(code: number, reason: string): void
}

/** Opens a socket; the browser's WebSocket in the app, a scripted one in unit tests. */
export type SocketFactory = (url: string, handlers: SocketHandlers) => SocketHandle

export const browserSocketFactory: SocketFactory = (url, handlers) => {
  const socket = new WebSocket(url)
  socket.onopen = () => {
    handlers.onOpen()
  }
  socket.onmessage = (event: MessageEvent<unknown>) => {
    handlers.onMessage(event.data)
  }
  socket.onclose = (event) => {
    handlers.onClose(event.code)
  }
  return {
    send: (data) => {
      socket.send(data)
    },
    close: (code, reason) => {
      socket.close(code, reason)
    },
  }
}

/** Clients beat this often; the server calls a user silent after 90 s. */
export const HEARTBEAT_MS = 30_000
/** API Gateway closes a socket after 2 hours: replace it a little before that. */
export const MAX_SOCKET_AGE_MS = 115 * 60_000
/** Close code this client uses when it replaces or ends a socket on purpose. */
const CLOSE_BY_CLIENT = 4000

export interface LinkListener {
  stateChanged(link: LinkState, retryAt: number | null): void
  /** A socket is open; `resumed` is true for every socket after the first. */
  opened(resumed: boolean): void
  received(data: unknown): void
  /** The given number of attempts in a row closed before ever opening. */
  failedToOpen(consecutive: number): void
  /** The frame to send every HEARTBEAT_MS while open. */
  heartbeat(): ClientFrame
}

export interface LinkOptions {
  url: string
  createSocket: SocketFactory
  random: () => number
  now: () => number
  listener: LinkListener
}

/**
 * One logical real-time link made of successive sockets: reconnects with backoff and jitter
 * after a drop, replaces the socket before the gateway's age limit and beats while open.
 */
export class RealtimeLink {
  private socket: SocketHandle | null = null
  private isOpen = false
  private everOpened = false
  private stopped = true
  private failures = 0
  private retryTimer: ReturnType<typeof setTimeout> | undefined
  private ageTimer: ReturnType<typeof setTimeout> | undefined
  private beatTimer: ReturnType<typeof setInterval> | undefined

  private readonly options: LinkOptions

  constructor(options: LinkOptions) {
    this.options = options
  }

  get open(): boolean {
    return this.isOpen
  }

  start(): void {
    this.stopped = false
    this.connect()
  }

  stop(): void {
    this.stopped = true
    this.clearTimers()
    this.dropSocket()
    this.options.listener.stateChanged('offline', null)
  }

  /** Sends a frame if a socket is open; false means it was not sent. */
  send(frame: ClientFrame): boolean {
    if (!this.isOpen || this.socket === null) {
      return false
    }
    this.socket.send(JSON.stringify(frame))
    return true
  }

  /** Skips the rest of a backoff wait, e.g. when the browser says it is online again. */
  retryNow(): void {
    if (!this.stopped && this.socket === null) {
      clearTimeout(this.retryTimer)
      this.connect()
    }
  }

  private connect(): void {
    this.options.listener.stateChanged(this.everOpened ? 'reconnecting' : 'connecting', null)

    const socket = this.options.createSocket(this.options.url, {
      onOpen: () => {
        if (this.socket === socket) this.handleOpen()
      },
      onMessage: (data) => {
        if (this.socket === socket) this.options.listener.received(data)
      },
      onClose: () => {
        if (this.socket === socket) this.handleClose()
      },
    })
    this.socket = socket
  }

  private handleOpen(): void {
    const resumed = this.everOpened
    this.isOpen = true
    this.everOpened = true
    this.failures = 0
    this.options.listener.stateChanged('open', null)

    this.ageTimer = setTimeout(() => {
      this.replaceSocket()
    }, MAX_SOCKET_AGE_MS)
    this.beatTimer = setInterval(() => {
      this.send(this.options.listener.heartbeat())
    }, HEARTBEAT_MS)

    this.send(this.options.listener.heartbeat())
    this.options.listener.opened(resumed)
  }

  private handleClose(): void {
    const wasOpen = this.isOpen
    this.clearTimers()
    this.socket = null
    this.isOpen = false
    if (this.stopped) {
      return
    }

    if (!wasOpen) {
      this.failures += 1
      this.options.listener.failedToOpen(this.failures)
    }
    const delay = reconnectDelay(wasOpen ? 0 : this.failures, this.options.random)
    this.options.listener.stateChanged('reconnecting', this.options.now() + delay)
    this.retryTimer = setTimeout(() => {
      this.connect()
    }, delay)
  }

  private replaceSocket(): void {
    this.clearTimers()
    this.dropSocket()
    this.connect()
  }

  private dropSocket(): void {
    const socket = this.socket
    this.socket = null
    this.isOpen = false
    socket?.close(CLOSE_BY_CLIENT, 'client closed')
  }

  private clearTimers(): void {
    clearTimeout(this.retryTimer)
    clearTimeout(this.ageTimer)
    clearInterval(this.beatTimer)
  }
}

export function socketUrl(base: string, token: string): string {
  const url = new URL(base)
  url.searchParams.set('token', token)
  return url.href
}
