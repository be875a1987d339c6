/** The first retry waits about this long; each further one doubles it. */
export const RECONNECT_BASE_MS = 1000
/** No retry waits longer than this. */
export const RECONNECT_CAP_MS = 30_000

/**
 * How long to wait before reconnect attempt `attempt` (0 for the first retry): exponential,
 * capped, and spread over the upper half of the window so that a server restart is not met
 * by every client at the same instant.
 */
export function reconnectDelay(attempt: number, random: () => number): number {
  const window = Math.min(RECONNECT_CAP_MS, RECONNECT_BASE_MS * 2 ** Math.max(0, attempt))
  return Math.round(window / 2 + (window / 2) * random())
}
