import { describe, expect, it } from 'vitest'
import { loadConfig, resolveConfig } from './config'

describe('resolveConfig', () => {
  it('resolves the relative defaults against the page origin', () => {
    const config = resolveConfig(
      { apiBaseUrl: '/api', webSocketUrl: '/ws' },
      'http://localhost:8080/',
    )

    expect(config).toEqual({
      apiBaseUrl: 'http://localhost:8080/api',
      webSocketUrl: 'ws://localhost:8080/ws',
    })
  })

  it('uses wss for a page served over https', () => {
    const config = resolveConfig({}, 'https://chat.example.com/app/index.html')

    expect(config.webSocketUrl).toBe('wss://chat.example.com/ws')
    expect(config.apiBaseUrl).toBe('https://chat.example.com/api')
  })

  it('keeps absolute addresses as they are', () => {
    const config = resolveConfig(
      {
        apiBaseUrl: 'https://abc.execute-api.eu-west-1.amazonaws.com/',
        webSocketUrl: 'wss://def.execute-api.eu-west-1.amazonaws.com/prod',
      },
      'https://d111.cloudfront.net/',
    )

    expect(config).toEqual({
      apiBaseUrl: 'https://abc.execute-api.eu-west-1.amazonaws.com',
      webSocketUrl: 'wss://def.execute-api.eu-west-1.amazonaws.com/prod',
    })
  })
})

describe('loadConfig', () => {
  it('falls back to the defaults when config.json cannot be read', async () => {
    const failingFetch: typeof fetch = () => Promise.reject(new Error('offline'))

    const config = await loadConfig('http://127.0.0.1:9000/', failingFetch)

    expect(config.webSocketUrl).toBe('ws://127.0.0.1:9000/ws')
  })

  it('reads config.json next to index.html', async () => {
    const requested: string[] = []
    const fetchConfig: typeof fetch = (input) => {
      requested.push(input instanceof Request ? input.url : input.toString())
      const body = JSON.stringify({
        apiBaseUrl: 'http://127.0.0.1:7000/api',
        webSocketUrl: '/socket',
      })
      return Promise.resolve(new Response(body, { status: 200 }))
    }

    const config = await loadConfig('http://127.0.0.1:9000/chat/index.html', fetchConfig)

    expect(requested).toEqual(['http://127.0.0.1:9000/chat/config.json'])
    expect(config).toEqual({
      apiBaseUrl: 'http://127.0.0.1:7000/api',
      webSocketUrl: 'ws://127.0.0.1:9000/socket',
    })
  })
})
