import { useEffect, useState } from 'react'
import { useAppSelector } from '../../app/hooks'
import { selectCurrentUser } from '../auth/authSlice'
import { nextExpiry, typingNames, typingSentence } from './typingSlice'

export function TypingIndicator({ roomId }: { roomId: string }) {
  const typing = useAppSelector((state) => state.typing)
  const me = useAppSelector(selectCurrentUser)
  const [now, setNow] = useState(() => Date.now())

  // Re-render when the next "is typing" runs out, so it disappears without new events.
  useEffect(() => {
    const expiry = nextExpiry(typing, roomId, now)
    if (expiry === null) return
    const timer = setTimeout(
      () => {
        setNow(Date.now())
      },
      expiry - Date.now() + 50,
    )
    return () => {
      clearTimeout(timer)
    }
  }, [typing, roomId, now])

  const sentence = typingSentence(typingNames(typing, roomId, now, me?.id))
  return (
    <p className="typing" aria-live="polite">
      {sentence}
    </p>
  )
}
