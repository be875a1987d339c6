import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { Provider } from 'react-redux'
import { App } from './app/App'
import { browserDeps } from './app/browserDeps'
import { loadConfig } from './app/config'
import { makeStore } from './app/store'
import './index.css'

async function start(): Promise<void> {
  const config = await loadConfig(document.baseURI, (input, init) => fetch(input, init))
  const store = makeStore(browserDeps(config))
  const container = document.getElementById('root')
  if (container === null) {
    throw new Error('index.html has no #root element')
  }
  createRoot(container).render(
    <StrictMode>
      <Provider store={store}>
        <App />
      </Provider>
    </StrictMode>,
  )
}

void start()
