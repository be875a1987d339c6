import { useEffect } from 'react'
import { useAppDispatch } from '../../app/hooks'
import { networkReturned, userActive } from '../realtime/realtimeActions'
import { roomFromHash } from '../rooms/navigation'
import { roomSelected } from '../ui/uiSlice'

/** Input closer together than this is one burst of activity. */
const ACTIVITY_THROTTLE_MS = 10_000
const ACTIVITY_EVENTS = [
  'keydown',
  'pointerdown',
  'pointermove',
  'wheel',
  'touchstart',
  'focus',
] as const

/** Wires the page's own events into the store: the address, input and the network. */
export function useBrowserSignals(): void {
  const dispatch = useAppDispatch()

  useEffect(() => {
    const follow = () => dispatch(roomSelected(roomFromHash(window.location.hash)))
    follow()
    window.addEventListener('hashchange', follow)
    return () => {
      window.removeEventListener('hashchange', follow)
    }
  }, [dispatch])

  useEffect(() => {
    let last = 0
    const active = () => {
      const now = Date.now()
      if (now - last >= ACTIVITY_THROTTLE_MS) {
        last = now
        dispatch(userActive())
      }
    }
    const online = () => dispatch(networkReturned())
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, active, { passive: true })
    window.addEventListener('online', online)
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, active)
      window.removeEventListener('online', online)
    }
  }, [dispatch])
}
