import { useEffect } from 'react'
import { useAppDispatch, useAppSelector } from '../../app/hooks'
import { selectTheme, themeChosen, type ThemeChoice } from './uiSlice'

/** Applies the chosen theme to the page; "system" follows the operating system. */
export function useAppliedTheme(): void {
  const theme = useAppSelector(selectTheme)
  useEffect(() => {
    if (theme === 'system') {
      delete document.documentElement.dataset.theme
    } else {
      document.documentElement.dataset.theme = theme
    }
  }, [theme])
}

export function ThemePicker() {
  const dispatch = useAppDispatch()
  const theme = useAppSelector(selectTheme)
  return (
    <label className="theme-picker">
      <span className="visually-hidden">Theme</span>
      <select value={theme} onChange={(e) => dispatch(themeChosen(e.target.value as ThemeChoice))}>
        <option value="system">System theme</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  )
}
