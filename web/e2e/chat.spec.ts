import { expect, test, type Page, type WebSocketRoute } from '@playwright/test'
import {
  createRoom,
  joinRoom,
  messageLog,
  screenshot,
  send,
  sendMany,
  signUp,
  uniqueName,
} from './helpers'

function members(page: Page, name: string) {
  return page
    .getByRole('list', { name: 'Members' })
    .getByRole('listitem')
    .filter({ hasText: name })
}

test('two people sign up, meet in a room, chat live and see presence and typing', async ({
  browser,
}, info) => {
  const ann = await signUp(browser, 'ann', 'Ann Example')
  const bob = await signUp(browser, 'bob', 'Bob Example')
  const room = uniqueName('lounge')

  await createRoom(ann.page, room, 'Where the regulars hang out')
  await joinRoom(bob.page, room)

  await send(ann.page, 'Hello Bob! Docs at https://example.com/docs')
  await expect(messageLog(bob.page).getByText('Hello Bob!')).toBeVisible()
  await expect(
    messageLog(bob.page).getByRole('link', { name: 'https://example.com/docs' }),
  ).toBeVisible()

  await bob.page
    .getByRole('textbox', { name: 'Message' })
    .pressSequentially('Hi Ann, <b>not bold</b>')
  await expect(ann.page.getByText('Bob Example is typing…')).toBeVisible()
  await bob.page.getByRole('textbox', { name: 'Message' }).press('Enter')
  await expect(messageLog(ann.page).getByText('Hi Ann, <b>not bold</b>')).toBeVisible()
  await expect(ann.page.getByText('Bob Example is typing…')).toBeHidden()

  await expect(members(ann.page, 'Bob Example')).toContainText('online')
  await expect(members(bob.page, 'Ann Example')).toContainText('online')
  await screenshot(ann.page, info, 'room-desktop-light')

  await bob.close()
  await expect(members(ann.page, 'Bob Example')).toContainText('offline')
  await screenshot(ann.page, info, 'room-after-bob-left')
  await ann.close()
})

test('a reload keeps the session and the history, and scrolling up loads older pages', async ({
  browser,
}) => {
  const ann = await signUp(browser, 'ann', 'Ann Scroll')
  const room = uniqueName('archive')
  await createRoom(ann.page, room, 'Lots of history')
  const count = 55

  await sendMany(ann.page, count, (i) => `history ${String(i)}`)

  await ann.page.reload()
  const log = messageLog(ann.page)
  await expect(log.getByText(`history ${count}`, { exact: true })).toBeVisible()
  await expect(log.getByText('history 1', { exact: true })).toHaveCount(0)

  await ann.page.locator('.message-scroller').evaluate((element) => {
    element.scrollTop = 0
  })
  await expect(log.getByText('history 1', { exact: true })).toBeAttached()
  await expect(ann.page.getByText('This is the start of the room.')).toBeVisible()
  await expect(log.getByRole('listitem')).toHaveCount(count)
  const bodies = await log.locator('.message-body').allTextContents()
  expect(bodies).toEqual(Array.from({ length: count }, (_, i) => `history ${i + 1}`))
  await ann.close()
})

test('a killed socket reconnects and fills the gap without duplicates', async ({ browser }) => {
  let blocked = false
  const live: { page: WebSocketRoute; server: WebSocketRoute }[] = []
  const ann = await signUp(browser, 'ann', 'Ann Offline', async (page) => {
    await page.routeWebSocket(/\/ws/, (socket) => {
      if (blocked) {
        void socket.close({ code: 4002, reason: 'test keeps the network down' })
        return
      }
      live.push({ page: socket, server: socket.connectToServer() })
    })
  })
  const bob = await signUp(browser, 'bob', 'Bob Online')
  const room = uniqueName('gap')
  await createRoom(ann.page, room, 'Mind the gap')
  await joinRoom(bob.page, room)
  await send(bob.page, 'before the drop')
  await expect(messageLog(ann.page).getByText('before the drop')).toBeVisible()

  blocked = true
  for (const socket of live.splice(0)) {
    await socket.server.close()
    await socket.page.close({ code: 4001, reason: 'test kills the socket' })
  }
  await expect(ann.page.getByRole('status')).toHaveText('Reconnecting…')
  for (const text of ['missed one', 'missed two', 'missed three']) {
    await send(bob.page, text)
    await expect(messageLog(bob.page).getByText(text)).toBeVisible()
  }
  blocked = false

  await expect(ann.page.getByRole('status')).toHaveText('Connected')
  const log = messageLog(ann.page)
  for (const text of ['before the drop', 'missed one', 'missed two', 'missed three']) {
    await expect(log.getByText(text, { exact: true })).toHaveCount(1)
  }
  await send(bob.page, 'after the return')
  await expect(log.getByText('after the return')).toBeVisible()
  expect(await log.locator('.message-body').allTextContents()).toEqual([
    'before the drop',
    'missed one',
    'missed two',
    'missed three',
    'after the return',
  ])
  await ann.close()
  await bob.close()
})

test('the first screen is quick, and the main screens look right on a desk and a phone', async ({
  browser,
}, info) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const page = await context.newPage()
  const started = Date.now()
  await page.goto('./')
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled()
  const usable = Date.now() - started
  console.log(`first screen usable after ${usable} ms`)
  info.annotations.push({ type: 'first-screen-ms', description: String(usable) })
  await screenshot(page, info, 'sign-in')
  await context.close()

  const ann = await signUp(browser, 'ann', 'Ann Phone')
  await createRoom(ann.page, uniqueName('pocket'), 'Small screens')
  await send(ann.page, 'A long line that has to wrap on a phone: ' + 'wrap '.repeat(40))
  await ann.page.getByRole('combobox', { name: 'Theme' }).selectOption('dark')
  await screenshot(ann.page, info, 'room-desktop-dark')

  await ann.page.setViewportSize({ width: 390, height: 844 })
  await screenshot(ann.page, info, 'room-phone-dark')
  const overflow = await ann.page.evaluate(
    () => document.documentElement.scrollWidth > window.innerWidth,
  )
  expect(overflow).toBe(false)
  await ann.page.getByRole('link', { name: 'Back to rooms' }).click()
  await expect(ann.page.getByRole('navigation', { name: 'Rooms' })).toBeVisible()
  await screenshot(ann.page, info, 'rooms-phone-dark')
  await ann.close()
})

test('keyboard alone can sign in, open a room and send', async ({ browser }) => {
  const ann = await signUp(browser, 'ann', 'Ann Keys')
  const room = uniqueName('keys')
  await createRoom(ann.page, room, 'No mouse')
  const page = ann.page
  await page.goto('./#')
  await page.reload()

  const link = page.getByRole('navigation', { name: 'Rooms' }).getByRole('link', { name: room })
  for (let presses = 0; presses < 20; presses += 1) {
    await page.keyboard.press('Tab')
    if (await link.evaluate((element) => element === document.activeElement)) break
  }
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: room })).toBeVisible()
  await page.getByRole('textbox', { name: 'Message' }).focus()
  await page.keyboard.type('typed without a mouse')
  await page.keyboard.press('Enter')
  await expect(messageLog(page).getByText('typed without a mouse')).toBeVisible()
  await ann.close()
})
