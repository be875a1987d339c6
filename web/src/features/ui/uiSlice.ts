import { createSlice, type PayloadAction } from '@reduxjs/toolkit'
import { isSessionClosed } from '../auth/authSlice'

export type ThemeChoice = 'system' | 'light' | 'dark'

export interface UiState {
  selectedRoomId: string | null
  theme: ThemeChoice
}

const initialState: UiState = { selectedRoomId: null, theme: 'system' }

export const uiSlice = createSlice({
  name: 'ui',
  initialState,
  reducers: {
    roomSelected: (state, action: PayloadAction<string | null>) => {
      state.selectedRoomId = action.payload
    },
    themeChosen: (state, action: PayloadAction<ThemeChoice>) => {
      state.theme = action.payload
    },
  },
  extraReducers: (builder) => {
    builder.addMatcher(isSessionClosed, (state) => {
      state.selectedRoomId = null
    })
  },
  selectors: {
    selectSelectedRoomId: (state) => state.selectedRoomId,
    selectTheme: (state) => state.theme,
  },
})

export const { roomSelected, themeChosen } = uiSlice.actions
export const { selectSelectedRoomId, selectTheme } = uiSlice.selectors
