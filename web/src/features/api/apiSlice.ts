import {
  createApi,
  fetchBaseQuery,
  type BaseQueryFn,
  type FetchArgs,
  type FetchBaseQueryError,
} from '@reduxjs/toolkit/query/react'
import { depsOf } from '../../app/deps'
import { sessionEnded } from '../auth/authSlice'

interface TokenHolder {
  auth: { token: string | null }
}

// One RTK Query API for the whole contract; each feature injects its own endpoints.
// The base URL comes from the runtime config, so the base query is built per call.
const contractBaseQuery: BaseQueryFn<string | FetchArgs, unknown, FetchBaseQueryError> = async (
  args,
  api,
  extraOptions,
) => {
  const deps = depsOf(api.extra)
  const token = (api.getState() as TokenHolder).auth.token
  const baseQuery = fetchBaseQuery({
    baseUrl: deps.config.apiBaseUrl,
    fetchFn: deps.fetchFn,
    prepareHeaders: (headers) => {
      if (token !== null) {
        headers.set('Authorization', `Bearer ${token}`)
      }
      return headers
    },
  })

  const result = await baseQuery(args, api, extraOptions)

  // An expired or revoked token ends the session: back to the sign-in screen.
  if (token !== null && result.error?.status === 401) {
    api.dispatch(sessionEnded())
  }
  return result
}

export const api = createApi({
  reducerPath: 'api',
  baseQuery: contractBaseQuery,
  tagTypes: ['Rooms', 'Presence'],
  endpoints: () => ({}),
})
