import { expect, type Browser, type Page, type TestInfo } from '@playwright/test'

let counter = 0

/** A username no earlier run has taken: 3–32 letters and digits. */
export function uniqueName(prefix: string): string {
  counter += 1
  return `${prefix}${Date.now().toString(36)}${counter}`
}

export interface Person {
  page: Page
  username: string
  displayName: string
  close(): Promise<void>
}

/** Opens a fresh browser context (its own storage) and signs a new user up in it. */
export async function signUp(
  browser: Browser,
  prefix: string,
  displayName: string,
  prepare?: (page: Page) => Promise<void>,
): Promise<Person> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const page = await context.newPage()
  await prepare?.(page)
  const username = uniqueName(prefix)
  await page.goto('./')
  await page.getByLabel('Username').fill(username)
  await page.getByLabel('Password').fill('a long enough password')
  await page.getByLabel('Display name').fill(displayName)
  await page.getByRole('button', { name: 'Sign up' }).click()
  await expect(page.getByRole('navigation', { name: 'Rooms' })).toBeVisible()
  await expect(page.getByRole('status')).toHaveText(/Connected/)
  return { page, username, displayName, close: () => context.close() }
}

export async function createRoom(page: Page, name: string, topic: string): Promise<void> {
  await page.getByRole('button', { name: 'New room' }).click()
  await page.getByLabel('Room name').fill(name)
  await page.getByLabel('Topic').fill(topic)
  await page.getByRole('button', { name: 'Create' }).click()
  await expect(page.getByRole('heading', { name })).toBeVisible()
}

export async function joinRoom(page: Page, name: string): Promise<void> {
  const rooms = page.getByRole('navigation', { name: 'Rooms' })
  // The room list refreshes on reconnect and after changes; reload it until the room shows.
  await expect(async () => {
    await page.reload()
    await expect(rooms.getByRole('link', { name })).toBeVisible({ timeout: 2000 })
  }).toPass()
  await rooms.getByRole('link', { name }).click()
  await page.getByRole('button', { name: 'Join' }).click()
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible()
}

export async function send(page: Page, text: string): Promise<void> {
  const box = page.getByRole('textbox', { name: 'Message' })
  await box.fill(text)
  await box.press('Enter')
}

export function messageLog(page: Page) {
  return page.getByRole('log', { name: 'Messages' })
}

export async function screenshot(page: Page, info: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: info.outputPath(`${name}.png`), fullPage: true })
}

/**
 * Posts `count` messages to the open room faster than typing would, over a socket of its own
 * that speaks the contract directly: one frame at a time, each waiting for its ack, and a
 * `rate_limited` answer resent with the same clientMsgId after a pause.
 */
export async function sendMany(
  page: Page,
  count: number,
  body: (index: number) => string,
): Promise<void> {
  const bodies = Array.from({ length: count }, (_, i) => body(i + 1))
  await page.evaluate(async (texts) => {
    const session = JSON.parse(sessionStorage.getItem('polychat.session') ?? '{}') as {
      token: string
    }
    const config = (await (await fetch('config.json')).json()) as { webSocketUrl: string }
    const url = new URL(config.webSocketUrl, location.href)
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:'
    url.searchParams.set('token', session.token)
    const roomId = decodeURIComponent(location.hash.replace('#/rooms/', ''))
    const socket = new WebSocket(url)
    await new Promise((resolve) => {
      socket.onopen = resolve
    })

    const answer = (clientMsgId: string) =>
      new Promise<{ type: string; code?: string }>((resolve) => {
        socket.onmessage = (event) => {
          const frame = JSON.parse(String(event.data)) as {
            type: string
            code?: string
            clientMsgId?: string
          }
          if (frame.clientMsgId === clientMsgId && frame.type !== 'message') resolve(frame)
        }
      })
    for (const [index, text] of texts.entries()) {
      const clientMsgId = `bulk-${String(index)}-${String(Date.now())}`
      for (;;) {
        const reply = answer(clientMsgId)
        socket.send(JSON.stringify({ action: 'sendMessage', roomId, clientMsgId, body: text }))
        const frame = await reply
        if (frame.type === 'ack') break
        if (frame.code !== 'rate_limited') throw new Error(`send refused: ${String(frame.code)}`)
        await new Promise((resolve) => setTimeout(resolve, 1000))
      }
    }
    socket.close()
  }, bodies)
}
