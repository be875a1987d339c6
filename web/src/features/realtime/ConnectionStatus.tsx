import { useAppSelector } from '../../app/hooks'
import { selectLink, selectMyStatus } from './connectionSlice'

const WORDS = {
  open: 'Connected',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
} as const

export function ConnectionStatus() {
  const link = useAppSelector(selectLink)
  const myStatus = useAppSelector(selectMyStatus)
  const words = link === 'open' && myStatus === 'away' ? 'Connected (away)' : WORDS[link]
  return (
    <p role="status" className={`connection ${link}`}>
      <span className="dot" aria-hidden="true" />
      {words}
    </p>
  )
}
