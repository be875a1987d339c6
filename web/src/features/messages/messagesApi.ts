import { api } from '../api/apiSlice'
import type { MessagePage } from '../api/types'
import { roomPath } from '../rooms/roomsApi'
import { mergeMessages, PAGE_SIZE, type RoomHistory } from './history'

export interface PageRequest {
  roomId: string
  before?: number
  after?: number
  limit: number
}

export const messagesApi = api.injectEndpoints({
  endpoints: (build) => ({
    /** The cached history of one room: the newest page, then live and older messages merged in. */
    getHistory: build.query<RoomHistory, string>({
      query: (roomId) => ({ url: `${roomPath(roomId)}/messages`, params: { limit: PAGE_SIZE } }),
      transformResponse: (page: MessagePage) => ({
        messages: mergeMessages([], page.messages),
        hasOlder: page.hasMore,
      }),
      keepUnusedDataFor: 300,
    }),
    /** One keyset page, fetched on demand to scroll back or fill a gap; never cached. */
    getMessagePage: build.query<MessagePage, PageRequest>({
      query: ({ roomId, before, after, limit }) => ({
        url: `${roomPath(roomId)}/messages`,
        params: {
          ...(before === undefined ? {} : { before }),
          ...(after === undefined ? {} : { after }),
          limit,
        },
      }),
      keepUnusedDataFor: 0,
    }),
  }),
})

export const { useGetHistoryQuery } = messagesApi
