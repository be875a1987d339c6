import { useEffect, useState } from 'react'
import { useAppSelector } from '../../app/hooks'
import type { MemberPresence } from '../api/types'
import { selectCurrentUser } from '../auth/authSlice'
import { timeAgo } from '../messages/time'
import { useGetPresenceQuery } from './presenceApi'

const ORDER = { online: 0, away: 1, offline: 2 } as const
const CLOCK_TICK_MS = 30_000

/** The status in words, as a screen reader and a test read it. */
export function statusWords(member: MemberPresence, now: number): string {
  if (member.status !== 'offline') {
    return member.status
  }
  const seen = member.lastSeenAt
  return seen === undefined || seen === null || seen === ''
    ? 'offline'
    : `offline, last seen ${timeAgo(seen, now)}`
}

export function sortMembers(members: readonly MemberPresence[]): MemberPresence[] {
  return [...members].sort(
    (a, b) => ORDER[a.status] - ORDER[b.status] || a.displayName.localeCompare(b.displayName),
  )
}

export function MemberList({ roomId }: { roomId: string }) {
  const { data: members = [], isLoading } = useGetPresenceQuery(roomId)
  const me = useAppSelector(selectCurrentUser)
  const [now, setNow] = useState(() => Date.now())

  useEffect(() => {
    const timer = setInterval(() => {
      setNow(Date.now())
    }, CLOCK_TICK_MS)
    return () => {
      clearInterval(timer)
    }
  }, [])

  return (
    <section className="members" aria-labelledby={`members-${roomId}`}>
      <h2 id={`members-${roomId}`} className="panel-title">
        Members <span className="count">{members.length}</span>
      </h2>
      {isLoading && <p className="hint">Loading members…</p>}
      <ul aria-label="Members">
        {sortMembers(members).map((member) => (
          <li key={member.userId} className={`member ${member.status}`}>
            <span className="dot" aria-hidden="true" />
            <span className="member-name">
              {member.displayName}
              {member.userId === me?.id ? ' (you)' : ''}
            </span>{' '}
            <span className="member-status">{statusWords(member, now)}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
