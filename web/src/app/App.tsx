import { AuthScreen } from '../features/auth/AuthScreen'
import { selectToken } from '../features/auth/authSlice'
import { ChatShell } from '../features/shell/ChatShell'
import { useAppliedTheme } from '../features/ui/ThemePicker'
import { useAppSelector } from './hooks'

export function App() {
  const token = useAppSelector(selectToken)
  useAppliedTheme()
  return token === null ? <AuthScreen /> : <ChatShell />
}
