import { useState, type SubmitEvent } from 'react'
import { textField } from '../../app/formData'
import { describeError } from '../api/errors'
import { openRoom } from './navigation'
import { useCreateRoomMutation } from './roomsApi'

export function NewRoomForm({ onClose }: { onClose: () => void }) {
  const [createRoom, { isLoading }] = useCreateRoomMutation()
  const [problem, setProblem] = useState<string | null>(null)

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault()
    const data = new FormData(event.currentTarget)
    const name = textField(data, 'name').trim()
    const topic = textField(data, 'topic').trim()
    if (name === '') {
      setProblem('Give the room a name.')
      return
    }

    const result = await createRoom({
      name,
      private: data.get('private') === 'on',
      ...(topic === '' ? {} : { topic }),
    })
    if (result.data === undefined) {
      setProblem(describeError(result.error))
      return
    }
    onClose()
    openRoom(result.data.id)
  }

  return (
    <form className="new-room" aria-label="New room" onSubmit={(e) => void submit(e)} noValidate>
      <label>
        Room name
        <input name="name" maxLength={80} required autoFocus />
      </label>
      <label>
        Topic
        <input name="topic" maxLength={250} />
      </label>
      <label className="checkbox">
        <input type="checkbox" name="private" />
        Private
      </label>
      <p className="form-error" role="alert">
        {problem}
      </p>
      <div className="form-actions">
        <button type="submit" disabled={isLoading}>
          Create
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  )
}
