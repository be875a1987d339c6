import { useId, useState, type KeyboardEvent, type SubmitEvent } from 'react'
import { useAppDispatch } from '../../app/hooks'
import { composerTyped } from '../realtime/realtimeActions'
import { messageQueued } from './outboxSlice'

/** The contract's limit, in Unicode code points after trimming. */
export const MAX_BODY = 4000

function codePoints(text: string): number {
  // Array.from walks code points, the unit the server counts in (not UTF-16 units).
  return Array.from(text).length
}

export function Composer({ roomId }: { roomId: string }) {
  const dispatch = useAppDispatch()
  const [draft, setDraft] = useState('')
  const inputId = useId()
  const counterId = useId()
  const length = codePoints(draft.trim())
  const over = length - MAX_BODY

  function send() {
    const body = draft.trim()
    if (body === '' || codePoints(body) > MAX_BODY) return
    dispatch(messageQueued(roomId, body))
    setDraft('')
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault()
    send()
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Enter sends; Shift+Enter makes a new line; Enter that ends an IME composition does neither.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault()
      send()
    }
  }

  return (
    <form className="composer" onSubmit={onSubmit}>
      <label htmlFor={inputId} className="visually-hidden">
        Message
      </label>
      <textarea
        id={inputId}
        rows={2}
        value={draft}
        placeholder="Write a message"
        aria-describedby={counterId}
        aria-invalid={over > 0}
        onChange={(event) => {
          setDraft(event.target.value)
          if (event.target.value.trim() !== '') dispatch(composerTyped(roomId))
        }}
        onKeyDown={onKeyDown}
      />
      <button type="submit">Send</button>
      <p id={counterId} className={over > 0 ? 'form-error counter' : 'counter visually-hidden'}>
        {over > 0
          ? `${over} characters over the ${MAX_BODY} limit`
          : 'Enter to send, Shift+Enter for a new line'}
      </p>
    </form>
  )
}
