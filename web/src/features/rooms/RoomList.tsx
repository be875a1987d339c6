import { useState } from 'react'
import { useAppSelector } from '../../app/hooks'
import { describeError } from '../api/errors'
import type { Room } from '../api/types'
import { selectCurrentUser } from '../auth/authSlice'
import { selectSelectedRoomId } from '../ui/uiSlice'
import { roomHref } from './navigation'
import { NewRoomForm } from './NewRoomForm'
import { unreadCount } from './readsSlice'
import { useGetRoomsQuery } from './roomsApi'

const ROOMS_POLL_MS = 30_000

function RoomLink({ room, unread, current }: { room: Room; unread: number; current: boolean }) {
  const label = [room.name, room.private ? 'private' : '', unread > 0 ? `${unread} unread` : '']
    .filter((part) => part !== '')
    .join(', ')
  return (
    <li>
      <a
        href={roomHref(room.id)}
        className="room-link"
        aria-label={label}
        aria-current={current ? 'page' : undefined}
      >
        <span className="room-name">{room.name}</span>
        {room.private && (
          <span className="tag" aria-hidden="true">
            private
          </span>
        )}
        {unread > 0 && (
          <span className="badge" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </a>
    </li>
  )
}

export function RoomList() {
  // Public rooms others create are not pushed; a slow poll lets them show up.
  const {
    data: rooms = [],
    error,
    isLoading,
  } = useGetRoomsQuery(undefined, {
    pollingInterval: ROOMS_POLL_MS,
  })
  const reads = useAppSelector((state) => state.reads)
  const me = useAppSelector(selectCurrentUser)
  const selected = useAppSelector(selectSelectedRoomId)
  const [creating, setCreating] = useState(false)

  const byName = (a: Room, b: Room) => a.name.localeCompare(b.name)
  const mine = rooms.filter((room) => room.member).sort(byName)
  const others = rooms.filter((room) => !room.member).sort(byName)

  return (
    <nav className="rooms" aria-label="Rooms">
      <div className="panel-head">
        <h2 className="panel-title">Rooms</h2>
        <button
          type="button"
          aria-expanded={creating}
          onClick={() => {
            setCreating(!creating)
          }}
        >
          New room
        </button>
      </div>
      {creating && (
        <NewRoomForm
          onClose={() => {
            setCreating(false)
          }}
        />
      )}
      {isLoading && <p className="hint">Loading rooms…</p>}
      {error !== undefined && <p className="form-error">{describeError(error)}</p>}
      <h3 className="list-title">Your rooms</h3>
      {mine.length === 0 && !isLoading && (
        <p className="hint">None yet: create one or join one.</p>
      )}
      <ul className="room-list">
        {mine.map((room) => (
          <RoomLink
            key={room.id}
            room={room}
            unread={unreadCount(reads, me?.id, room)}
            current={room.id === selected}
          />
        ))}
      </ul>
      {others.length > 0 && (
        <>
          <h3 className="list-title">Public rooms</h3>
          <ul className="room-list">
            {others.map((room) => (
              <RoomLink key={room.id} room={room} unread={0} current={room.id === selected} />
            ))}
          </ul>
        </>
      )}
    </nav>
  )
}
