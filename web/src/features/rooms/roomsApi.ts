import { api } from '../api/apiSlice'
import type { Room } from '../api/types'

export interface NewRoom {
  name: string
  topic?: string
  private: boolean
}

function roomPath(roomId: string): string {
  return `rooms/${encodeURIComponent(roomId)}`
}

export const roomsApi = api.injectEndpoints({
  endpoints: (build) => ({
    getRooms: build.query<Room[], undefined>({
      query: () => 'rooms',
      transformResponse: (response: { rooms: Room[] }) => response.rooms,
      providesTags: ['Rooms'],
    }),
    createRoom: build.mutation<Room, NewRoom>({
      query: (body) => ({ url: 'rooms', method: 'POST', body }),
      transformResponse: (response: { room: Room }) => response.room,
      invalidatesTags: ['Rooms'],
    }),
    joinRoom: build.mutation<Room, string>({
      query: (roomId) => ({ url: `${roomPath(roomId)}/members`, method: 'POST' }),
      transformResponse: (response: { room: Room }) => response.room,
      invalidatesTags: ['Rooms', 'Presence'],
    }),
    leaveRoom: build.mutation<null, string>({
      query: (roomId) => ({ url: `${roomPath(roomId)}/members/me`, method: 'DELETE' }),
      invalidatesTags: ['Rooms'],
    }),
  }),
})

export const {
  useGetRoomsQuery,
  useCreateRoomMutation,
  useJoinRoomMutation,
  useLeaveRoomMutation,
} = roomsApi

export { roomPath }
