import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { makeTestApp, renderWithStore } from '../../test/harness'
import { MemberList } from './MemberList'

describe('MemberList', () => {
  it('names each member with their status in words, online first', async () => {
    const app = makeTestApp()
    app.backend.addRoom({ id: 'r1' })
    app.backend.presence.set('r1', [
      {
        userId: 'u-bob',
        username: 'bob',
        displayName: 'Bob',
        status: 'offline',
        lastSeenAt: new Date(Date.now() - 5 * 60_000).toISOString(),
      },
      { userId: 'u-ann', username: 'ann', displayName: 'Ann', status: 'online' },
      { userId: 'u-cat', username: 'cat', displayName: 'Cat', status: 'away' },
    ])

    renderWithStore(<MemberList roomId="r1" />, app)

    const list = await screen.findByRole('list', { name: 'Members' })
    await within(list).findByText(/Bob/)
    const items = within(list)
      .getAllByRole('listitem')
      .map((item) => item.textContent)
    expect(items).toEqual(['Ann (you) online', 'Cat away', 'Bob offline, last seen 5 minutes ago'])
  })

  it('updates a status when a presence event arrives', async () => {
    const app = makeTestApp()
    app.backend.addRoom({ id: 'r1' })
    app.backend.presence.set('r1', [
      { userId: 'u-bob', username: 'bob', displayName: 'Bob', status: 'online' },
    ])
    renderWithStore(<MemberList roomId="r1" />, app)
    await screen.findByText('online')
    app.backend.socket.accept()

    app.backend.socket.push({
      type: 'presence',
      userId: 'u-bob',
      status: 'offline',
      lastSeenAt: new Date().toISOString(),
    })

    expect(await screen.findByText(/^offline/)).toBeInTheDocument()
  })
})

describe('a member who joined after the list loaded', () => {
  it('shows up once they type in the room', async () => {
    const app = makeTestApp()
    app.backend.addRoom({ id: 'r1' })
    app.backend.presence.set('r1', [
      { userId: 'u-ann', username: 'ann', displayName: 'Ann', status: 'online' },
    ])
    renderWithStore(<MemberList roomId="r1" />, app)
    await screen.findByText(/Ann/)
    app.backend.socket.accept()
    app.backend.presence.get('r1')?.push({
      userId: 'u-dan',
      username: 'dan',
      displayName: 'Dan',
      status: 'online',
    })

    app.backend.socket.push({ type: 'typing', roomId: 'r1', userId: 'u-dan', displayName: 'Dan' })

    expect(await screen.findByText('Dan')).toBeInTheDocument()
  })
})
