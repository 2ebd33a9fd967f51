import { mkdirSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import type { UserInfo } from '../../shared/api/types.ts'
import { startTestServer, TEST_PASSWORD } from '../utils/testServer.ts'
import type { TestServer } from '../utils/testServer.ts'
import { launchBrowser, signIn } from './browser.ts'
import type { Window } from './browser.ts'
import { ensureClientBuilt } from './clientBuild.ts'

/** Where browser tests save the screenshots that are looked at (created by the factories below). */
export const SHOTS = 'artifacts/screenshots'

/** A colleague's account and API token. */
export interface Account {
  user: UserInfo
  token: string
}

/** A real server, Chromium, and two colleagues (张伟 and 李娜 unless named) each signed in in a window of their own. */
export interface TwoUsers {
  server: TestServer
  browser: Browser
  alice: Account
  bob: Account
  a: Window
  b: Window
}

/** A real server, Chromium, and colleagues each with an account and, for the first `windows` of them, a signed-in window. */
export interface Colleagues {
  server: TestServer
  browser: Browser
  accounts: Account[]
  windows: Window[]
}

/** Starts the server and Chromium, makes an account for every name and signs the first `windows` (default: all) in (call in beforeAll; close `browser` in afterAll). */
export async function startColleagues(names: readonly string[], windows = names.length): Promise<Colleagues> {
  await ensureClientBuilt()
  mkdirSync(SHOTS, { recursive: true })
  const server = await startTestServer()
  const browser = await launchBrowser()
  const accounts: Account[] = []
  for (const name of names) accounts.push(await server.createUser(name))
  const signedIn: Window[] = []
  for (const name of names.slice(0, windows)) signedIn.push(await signIn(browser, server.url, name, TEST_PASSWORD))
  return { server, browser, accounts, windows: signedIn }
}

/** Starts what a two-person browser test needs (call in beforeAll; close `browser` in afterAll). */
export async function startTwoUsers(names: readonly [string, string] = ['张伟', '李娜']): Promise<TwoUsers> {
  const { server, browser, accounts, windows } = await startColleagues(names)
  return { server, browser, alice: accounts[0], bob: accounts[1], a: windows[0], b: windows[1] }
}
