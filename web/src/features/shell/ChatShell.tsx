import { useAppDispatch, useAppSelector } from '../../app/hooks'
import { selectCurrentUser, signedOut } from '../auth/authSlice'
import { ConnectionStatus } from '../realtime/ConnectionStatus'
import { RoomList } from '../rooms/RoomList'
import { RoomView } from '../rooms/RoomView'
import { ThemePicker } from '../ui/ThemePicker'
import { selectSelectedRoomId } from '../ui/uiSlice'
import { useBrowserSignals } from './useBrowserSignals'

export function ChatShell() {
  const dispatch = useAppDispatch()
  const me = useAppSelector(selectCurrentUser)
  const roomId = useAppSelector(selectSelectedRoomId)
  useBrowserSignals()

  return (
    <div className="shell" data-view={roomId === null ? 'rooms' : 'room'}>
      <header className="topbar">
        <h1 className="brand">PolyChat</h1>
        <ConnectionStatus />
        <div className="me">
          <span className="me-name">{me?.displayName}</span>
          <ThemePicker />
          <button type="button" className="secondary" onClick={() => dispatch(signedOut())}>
            Sign out
          </button>
        </div>
      </header>
      <RoomList />
      <main className="main">
        {roomId === null ? (
          <section className="room empty">
            <p>Pick a room on the left, or create one with “New room”.</p>
          </section>
        ) : (
          <RoomView key={roomId} roomId={roomId} />
        )}
      </main>
    </div>
  )
}
