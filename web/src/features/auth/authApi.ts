import { api } from '../api/apiSlice'
import type { Session, User } from '../api/types'

export interface Credentials {
  username: string
  password: string
}

export interface Registration extends Credentials {
  displayName?: string
}

export const authApi = api.injectEndpoints({
  endpoints: (build) => ({
    register: build.mutation<Session, Registration>({
      query: (body) => ({ url: 'auth/register', method: 'POST', body }),
    }),
    login: build.mutation<Session, Credentials>({
      query: (body) => ({ url: 'auth/login', method: 'POST', body }),
    }),
    getMe: build.query<User, undefined>({
      query: () => 'users/me',
      transformResponse: (response: { user: User }) => response.user,
    }),
  }),
})

export const { useRegisterMutation, useLoginMutation } = authApi
