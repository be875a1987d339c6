import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { useAppDispatch, useAppSelector } from '../../app/hooks'
import { describeError } from '../api/errors'
import type { Message } from '../api/types'
import { selectCurrentUser } from '../auth/authSlice'
import { roomRead } from '../rooms/readsSlice'
import { loadOlderMessages } from './loadOlder'
import { MessageBody } from './MessageBody'
import { useGetHistoryQuery } from './messagesApi'
import { messageRetried, type OutgoingMessage } from './outboxSlice'
import { fullTime, shortTime } from './time'

/** Within this many pixels of an edge counts as being at it. */
const EDGE_PX = 48

function SentMessage({ message, mine }: { message: Message; mine: boolean }) {
  return (
    <li className={mine ? 'message mine' : 'message'} data-seq={message.seq}>
      <div className="message-meta">
        <span className="sender">{message.senderName}</span>
        <time dateTime={message.createdAt} title={fullTime(message.createdAt)}>
          {shortTime(message.createdAt)}
        </time>
      </div>
      <MessageBody body={message.body} />
    </li>
  )
}

function PendingMessage({ entry, myName }: { entry: OutgoingMessage; myName: string }) {
  const dispatch = useAppDispatch()
  const failed = entry.status === 'failed'
  return (
    <li className={failed ? 'message mine failed' : 'message mine pending'}>
      <div className="message-meta">
        <span className="sender">{myName}</span>
        <span className="delivery">{failed ? 'Not sent' : 'Sending…'}</span>
      </div>
      <MessageBody body={entry.body} />
      {failed && (
        <p className="delivery-error">
          {entry.error}{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => dispatch(messageRetried(entry.clientMsgId))}
          >
            Retry
          </button>
        </p>
      )}
    </li>
  )
}

export function MessageList({ roomId }: { roomId: string }) {
  const dispatch = useAppDispatch()
  const me = useAppSelector(selectCurrentUser)
  const outbox = useAppSelector((state) => state.outbox)
  const { data: history, error, isLoading } = useGetHistoryQuery(roomId)
  const [loadingOlder, setLoadingOlder] = useState(false)
  const scroller = useRef<HTMLDivElement>(null)
  const atBottom = useRef(true)
  const heightBeforeOlder = useRef<number | null>(null)

  const messages = useMemo(() => history?.messages ?? [], [history])
  const pending = useMemo(() => {
    const delivered = new Set(messages.map((m) => m.clientMsgId))
    return Object.values(outbox)
      .filter((entry) => entry.roomId === roomId && !delivered.has(entry.clientMsgId))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
  }, [outbox, messages, roomId])
  const newest = messages.at(-1)?.seq ?? 0

  useLayoutEffect(() => {
    const element = scroller.current
    if (element === null) return
    if (heightBeforeOlder.current !== null) {
      // Older messages went in above: keep the ones being read where they were.
      element.scrollTop += element.scrollHeight - heightBeforeOlder.current
      heightBeforeOlder.current = null
    } else if (atBottom.current) {
      element.scrollTop = element.scrollHeight
    }
  }, [messages, pending.length])

  useEffect(() => {
    if (me !== null && newest > 0) {
      dispatch(roomRead({ userId: me.id, roomId, seq: newest }))
    }
  }, [dispatch, me, roomId, newest])

  async function loadOlder() {
    const element = scroller.current
    if (loadingOlder || history?.hasOlder !== true || element === null) return
    setLoadingOlder(true)
    heightBeforeOlder.current = element.scrollHeight
    const loaded = await dispatch(loadOlderMessages(roomId))
    if (!loaded) heightBeforeOlder.current = null
    setLoadingOlder(false)
  }

  function onScroll() {
    const element = scroller.current
    if (element === null) return
    atBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < EDGE_PX
    if (element.scrollTop < EDGE_PX) void loadOlder()
  }

  return (
    <div className="message-scroller" ref={scroller} onScroll={onScroll}>
      {history?.hasOlder === true && (
        <button
          type="button"
          className="load-older"
          onClick={() => void loadOlder()}
          disabled={loadingOlder}
        >
          {loadingOlder ? 'Loading older messages…' : 'Load older messages'}
        </button>
      )}
      {history !== undefined && !history.hasOlder && messages.length > 0 && (
        <p className="history-start">This is the start of the room.</p>
      )}
      {isLoading && <p className="hint">Loading messages…</p>}
      {error !== undefined && <p className="form-error">{describeError(error)}</p>}
      <ol className="messages" role="log" aria-label="Messages">
        {messages.map((message) => (
          <SentMessage key={message.seq} message={message} mine={message.senderId === me?.id} />
        ))}
        {pending.map((entry) => (
          <PendingMessage key={entry.clientMsgId} entry={entry} myName={me?.displayName ?? ''} />
        ))}
      </ol>
      {history !== undefined && messages.length === 0 && pending.length === 0 && (
        <p className="hint">No messages yet. Say hello!</p>
      )}
    </div>
  )
}
