import { api } from '../api/apiSlice'
import type { MemberPresence } from '../api/types'
import { roomPath } from '../rooms/roomsApi'

export const presenceApi = api.injectEndpoints({
  endpoints: (build) => ({
    getPresence: build.query<MemberPresence[], string>({
      query: (roomId) => `${roomPath(roomId)}/presence`,
      transformResponse: (response: { members: MemberPresence[] }) => response.members,
      providesTags: (_result, _error, roomId) => [{ type: 'Presence', id: roomId }, 'Presence'],
    }),
  }),
})

export const { useGetPresenceQuery } = presenceApi
