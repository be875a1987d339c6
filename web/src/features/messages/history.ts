import type { Message } from '../api/types'

/** A room's history as far as this client has it: ascending by seq, no duplicates. */
export interface RoomHistory {
  messages: Message[]
  /** Older messages exist on the server before the first one held. */
  hasOlder: boolean
}

export const PAGE_SIZE = 50
export const GAP_PAGE_SIZE = 200

/** Merges messages into a sorted list, one per seq; a later copy replaces an earlier one. */
export function mergeMessages(
  existing: readonly Message[],
  incoming: readonly Message[],
): Message[] {
  const bySeq = new Map<number, Message>()
  for (const message of existing) {
    bySeq.set(message.seq, message)
  }
  for (const message of incoming) {
    bySeq.set(message.seq, message)
  }
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq)
}

export function newestSeq(history: RoomHistory): number {
  return history.messages.at(-1)?.seq ?? 0
}

/**
 * The seq after which messages are missing once `seq` is known to exist, or null when the
 * history already runs up to it without a hole. seq has no gaps on the server, so a jump from
 * n to n+2 means n+1 must be fetched.
 */
export function gapBefore(history: RoomHistory, seq: number): number | null {
  const newest = newestSeq(history)
  return seq > newest + 1 ? newest : null
}

/** The seq after which the first hole in the held history starts, or null if it has none. */
export function firstHole(history: RoomHistory): number | null {
  const { messages } = history
  for (let i = 1; i < messages.length; i += 1) {
    const previous = messages[i - 1]
    const current = messages[i]
    if (previous !== undefined && current !== undefined && current.seq > previous.seq + 1) {
      return previous.seq
    }
  }
  return null
}
