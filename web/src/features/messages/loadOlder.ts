import type { AppThunk } from '../../app/store'
import { PAGE_SIZE, mergeMessages } from './history'
import { messagesApi } from './messagesApi'

/** Scrolling back: fetches the keyset page before the oldest held message. */
export function loadOlderMessages(roomId: string): AppThunk<Promise<boolean>> {
  return async (dispatch, getState) => {
    const history = messagesApi.endpoints.getHistory.select(roomId)(getState()).data
    const oldest = history?.messages[0]
    if (history === undefined || !history.hasOlder || oldest === undefined) {
      return false
    }

    const result = await dispatch(
      messagesApi.endpoints.getMessagePage.initiate(
        { roomId, before: oldest.seq, limit: PAGE_SIZE },
        { subscribe: false, forceRefetch: true },
      ),
    )
    const page = result.data
    if (page === undefined) {
      return false
    }

    dispatch(
      messagesApi.util.updateQueryData('getHistory', roomId, (draft) => {
        draft.messages = mergeMessages(draft.messages, page.messages)
        draft.hasOlder = page.hasMore && page.messages.length > 0
      }),
    )
    return true
  }
}
