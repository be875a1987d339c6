import { useState } from 'react'
import { describeError } from '../api/errors'
import type { Room } from '../api/types'
import { Composer } from '../messages/Composer'
import { MessageList } from '../messages/MessageList'
import { MemberList } from '../presence/MemberList'
import { TypingIndicator } from '../typing/TypingIndicator'
import { openRoom } from './navigation'
import { useGetRoomsQuery, useJoinRoomMutation, useLeaveRoomMutation } from './roomsApi'

function JoinPrompt({ room }: { room: Room }) {
  const [joinRoom, { isLoading, error }] = useJoinRoomMutation()
  return (
    <div className="join-prompt">
      <p>You are not in this room yet.</p>
      <button type="button" onClick={() => void joinRoom(room.id)} disabled={isLoading}>
        Join
      </button>
      {error !== undefined && (
        <p className="form-error" role="alert">
          {describeError(error)}
        </p>
      )}
    </div>
  )
}

export function RoomView({ roomId }: { roomId: string }) {
  const { room, isLoading } = useGetRoomsQuery(undefined, {
    selectFromResult: ({ data, isLoading: loading }) => ({
      room: data?.find((r) => r.id === roomId),
      isLoading: loading,
    }),
  })
  const [leaveRoom, leaving] = useLeaveRoomMutation()
  const [showMembers, setShowMembers] = useState(false)

  if (room === undefined) {
    return (
      <section className="room empty">
        <p>{isLoading ? 'Loading…' : 'This room does not exist or you cannot see it.'}</p>
        <a href="#" className="back-link">
          Back to rooms
        </a>
      </section>
    )
  }

  async function leave() {
    const result = await leaveRoom(roomId)
    if (result.error === undefined) openRoom(null)
  }

  return (
    <section
      className={showMembers ? 'room show-members' : 'room'}
      aria-labelledby={`room-${room.id}`}
    >
      <header className="room-head">
        <a href="#" className="back-link" aria-label="Back to rooms">
          ‹
        </a>
        <div className="room-title">
          <h2 id={`room-${room.id}`}>{room.name}</h2>
          {room.topic !== undefined && room.topic !== null && room.topic !== '' && (
            <p className="topic">{room.topic}</p>
          )}
        </div>
        {room.member && (
          <div className="room-actions">
            <button
              type="button"
              className="secondary members-toggle"
              aria-expanded={showMembers}
              onClick={() => {
                setShowMembers(!showMembers)
              }}
            >
              Show members
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => void leave()}
              disabled={leaving.isLoading}
            >
              Leave
            </button>
          </div>
        )}
      </header>
      {room.member ? (
        <div className="room-body">
          <div className="conversation">
            <MessageList roomId={room.id} />
            <TypingIndicator roomId={room.id} />
            <Composer roomId={room.id} />
          </div>
          <MemberList roomId={room.id} />
        </div>
      ) : (
        <JoinPrompt room={room} />
      )}
    </section>
  )
}
