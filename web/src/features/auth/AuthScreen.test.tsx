import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { App } from '../../app/App'
import { makeTestApp, renderWithStore } from '../../test/harness'

describe('signing in and up', () => {
  it('signs in with username and password and keeps the token for the session', async () => {
    const app = makeTestApp({ signedIn: false })
    renderWithStore(<App />, app)
    const user = userEvent.setup()

    await user.type(screen.getByLabelText('Username'), 'ann')
    await user.type(screen.getByLabelText('Password'), 'correct horse')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))

    expect(await screen.findByRole('navigation', { name: 'Rooms' })).toBeInTheDocument()
    expect(app.deps.sessionStore.getItem('polychat.session')).toContain('token-ann')
  })

  it('says so when the password is wrong', async () => {
    renderWithStore(<App />, makeTestApp({ signedIn: false }))
    const user = userEvent.setup()

    await user.type(screen.getByLabelText('Username'), 'ann')
    await user.type(screen.getByLabelText('Password'), 'wrong password{Enter}')

    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong username or password.')
  })

  it('signs up with a display name and reports a taken username', async () => {
    renderWithStore(<App />, makeTestApp({ signedIn: false }))
    const user = userEvent.setup()

    await user.type(screen.getByLabelText('Username'), 'taken')
    await user.type(screen.getByLabelText('Password'), 'long enough')
    await user.type(screen.getByLabelText('Display name'), 'Someone')
    await user.click(screen.getByRole('button', { name: 'Sign up' }))

    expect(await screen.findByRole('alert')).toHaveTextContent('That username is taken.')
  })

  it('checks the sign-up rules before asking the server', async () => {
    const app = makeTestApp({ signedIn: false })
    renderWithStore(<App />, app)
    const user = userEvent.setup()

    await user.type(screen.getByLabelText('Username'), 'a b')
    await user.type(screen.getByLabelText('Password'), 'short')
    await user.click(screen.getByRole('button', { name: 'Sign up' }))

    expect(screen.getByRole('alert')).toHaveTextContent(/username has 3 to 32/)
    expect(app.backend.requests).toEqual([])
  })

  it('goes back to the sign-in form on sign-out', async () => {
    renderWithStore(<App />, makeTestApp())
    const user = userEvent.setup()

    await user.click(await screen.findByRole('button', { name: 'Sign out' }))

    expect(screen.getByRole('button', { name: 'Sign in' })).toBeInTheDocument()
  })
})
