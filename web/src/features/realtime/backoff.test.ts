import { describe, expect, it } from 'vitest'
import { RECONNECT_CAP_MS, reconnectDelay } from './backoff'

describe('reconnectDelay', () => {
  it('doubles the window with each failed attempt', () => {
    const lowest = [0, 1, 2, 3].map((attempt) => reconnectDelay(attempt, () => 0))
    const highest = [0, 1, 2, 3].map((attempt) => reconnectDelay(attempt, () => 1))

    expect(lowest).toEqual([500, 1000, 2000, 4000])
    expect(highest).toEqual([1000, 2000, 4000, 8000])
  })

  it('never waits longer than the cap, however many attempts failed', () => {
    expect(reconnectDelay(40, () => 1)).toBe(RECONNECT_CAP_MS)
  })

  it('spreads clients out with jitter', () => {
    expect(reconnectDelay(3, () => 0.25)).not.toBe(reconnectDelay(3, () => 0.75))
  })
})
