import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { App } from '../../app/App'
import { makeTestApp, renderWithStore, type TestApp } from '../../test/harness'

const BOB = { id: 'u-bob', name: 'Bob' }

function chatApp(): TestApp {
  const app = makeTestApp()
  app.backend.addRoom({ id: 'r1', name: 'general', topic: 'Anything goes' })
  app.backend.addRoom({ id: 'r2', name: 'lobby', member: false })
  app.backend.store('r1', 'Hello there', BOB)
  app.backend.store('r1', 'Read https://example.com/docs please', BOB)
  return app
}

async function openGeneral(app: TestApp) {
  renderWithStore(<App />, app)
  app.backend.socket.accept()
  const user = userEvent.setup()
  const rooms = await screen.findByRole('navigation', { name: 'Rooms' })
  await user.click(await within(rooms).findByRole('link', { name: /general/ }))
  await screen.findByText('Hello there')
  return user
}

describe('the chat screen', () => {
  afterEach(() => {
    window.location.hash = ''
  })

  it('lists my rooms with unread counts and the public rooms I can join', async () => {
    renderWithStore(<App />, chatApp())

    const rooms = await screen.findByRole('navigation', { name: 'Rooms' })
    const general = await within(rooms).findByRole('link', { name: /general/ })
    expect(general).toHaveAccessibleName('general, 2 unread')
    expect(within(rooms).getByRole('link', { name: 'lobby' })).toBeInTheDocument()
  })

  it('shows the history in a log, with links clickable', async () => {
    await openGeneral(chatApp())

    const log = screen.getByRole('log', { name: 'Messages' })
    expect(within(log).getByText('Hello there')).toBeInTheDocument()
    expect(within(log).getByRole('link', { name: 'https://example.com/docs' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'general' })).toHaveAttribute('aria-current', 'page')
  })

  it('sends on Enter, keeps Shift+Enter for a newline, shows the message pending', async () => {
    const app = chatApp()
    const user = await openGeneral(app)

    const box = screen.getByRole('textbox', { name: 'Message' })
    await user.type(box, 'line one{Shift>}{Enter}{/Shift}line two')
    expect(box).toHaveValue('line one\nline two')
    await user.keyboard('{Enter}')

    expect(box).toHaveValue('')
    const log = screen.getByRole('log', { name: 'Messages' })
    expect(within(log).getByText('Sending…')).toBeInTheDocument()
    expect(app.backend.socket.framesOf('sendMessage')[0]?.body).toBe('line one\nline two')
  })

  it('offers Retry on a failed message and says why it failed', async () => {
    const app = chatApp()
    const user = await openGeneral(app)
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'too fast{Enter}')
    const [frame] = app.backend.socket.framesOf('sendMessage')

    app.backend.socket.push({
      type: 'error',
      code: 'rate_limited',
      message: 'slow',
      clientMsgId: frame?.clientMsgId ?? '',
    })

    expect(await screen.findByText(/Too many messages at once/)).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Retry' }))
    expect(app.backend.socket.framesOf('sendMessage').map((f) => f.clientMsgId)).toEqual([
      frame?.clientMsgId,
      frame?.clientMsgId,
    ])
  })

  it('shows who is typing', async () => {
    const app = chatApp()
    await openGeneral(app)

    app.backend.socket.push({ type: 'typing', roomId: 'r1', userId: 'u-bob', displayName: 'Bob' })

    expect(await screen.findByText('Bob is typing…')).toBeInTheDocument()
  })

  it('creates a room from the New room form and opens it', async () => {
    const app = chatApp()
    renderWithStore(<App />, app)
    const user = userEvent.setup()

    await user.click(await screen.findByRole('button', { name: 'New room' }))
    await user.type(screen.getByLabelText('Room name'), 'secret plans')
    await user.type(screen.getByLabelText('Topic'), 'shh')
    await user.click(screen.getByRole('checkbox', { name: 'Private' }))
    await user.click(screen.getByRole('button', { name: 'Create' }))

    expect(await screen.findByRole('heading', { name: 'secret plans' })).toBeInTheDocument()
    expect([...app.backend.rooms.values()].find((r) => r.name === 'secret plans')?.private).toBe(
      true,
    )
  })

  it('joins a public room with the Join button', async () => {
    const app = chatApp()
    renderWithStore(<App />, app)
    const user = userEvent.setup()

    await user.click(await screen.findByRole('link', { name: 'lobby' }))
    await user.click(await screen.findByRole('button', { name: 'Join' }))

    expect(await screen.findByRole('textbox', { name: 'Message' })).toBeInTheDocument()
    expect(app.backend.rooms.get('r2')?.member).toBe(true)
  })

  it('says when the connection drops', async () => {
    const app = chatApp()
    await openGeneral(app)

    app.backend.socket.drop()

    expect(await screen.findByRole('status')).toHaveTextContent('Reconnecting…')
  })
})
