import { useId, useState, type SubmitEvent } from 'react'
import { textField } from '../../app/formData'
import { useAppDispatch } from '../../app/hooks'
import { describeError } from '../api/errors'
import { useLoginMutation, useRegisterMutation } from './authApi'
import { signedIn } from './authSlice'

const USERNAME = /^[A-Za-z0-9_.-]{3,32}$/

type Intent = 'signIn' | 'signUp'

function problemWith(
  intent: Intent,
  username: string,
  password: string,
  displayName: string,
): string | null {
  if (username === '' || password === '') {
    return 'Enter a username and a password.'
  }
  if (intent === 'signIn') {
    return null
  }
  if (!USERNAME.test(username)) {
    return 'A username has 3 to 32 letters, digits, dots, dashes or underscores.'
  }
  if (password.length < 8 || password.length > 256) {
    return 'A password has at least 8 characters.'
  }
  if (displayName.trim().length > 64) {
    return 'A display name has at most 64 characters.'
  }
  return null
}

/**
 * One form for both: "Sign in" uses username and password, "Sign up" also takes the optional
 * display name. Enter signs in.
 */
export function AuthScreen() {
  const dispatch = useAppDispatch()
  const [login, loginState] = useLoginMutation()
  const [register, registerState] = useRegisterMutation()
  const [problem, setProblem] = useState<string | null>(null)
  const hintId = useId()
  const errorId = useId()
  const busy = loginState.isLoading || registerState.isLoading

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault()
    const submitter = event.nativeEvent.submitter
    const intent: Intent = submitter?.getAttribute('value') === 'signUp' ? 'signUp' : 'signIn'
    const data = new FormData(event.currentTarget)
    const username = textField(data, 'username').trim()
    const password = textField(data, 'password')
    const displayName = textField(data, 'displayName').trim()

    const invalid = problemWith(intent, username, password, displayName)
    setProblem(invalid)
    if (invalid !== null) {
      return
    }

    const result =
      intent === 'signIn'
        ? await login({ username, password })
        : await register({ username, password, ...(displayName === '' ? {} : { displayName }) })
    if (result.data !== undefined) {
      dispatch(signedIn(result.data))
    } else {
      setProblem(describeError(result.error))
    }
  }

  return (
    <main className="auth">
      <h1 className="auth-title">PolyChat</h1>
      <form
        className="auth-form"
        onSubmit={(e) => void submit(e)}
        aria-describedby={errorId}
        noValidate
      >
        <label>
          Username
          <input
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
          />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" />
        </label>
        <label>
          Display name
          <input name="displayName" autoComplete="nickname" aria-describedby={hintId} />
        </label>
        <p id={hintId} className="hint">
          Only needed to sign up; your username is used otherwise.
        </p>
        <p id={errorId} className="form-error" role="alert">
          {problem}
        </p>
        <div className="auth-actions">
          <button type="submit" name="intent" value="signIn" disabled={busy}>
            Sign in
          </button>
          <button type="submit" name="intent" value="signUp" className="secondary" disabled={busy}>
            Sign up
          </button>
        </div>
      </form>
    </main>
  )
}
