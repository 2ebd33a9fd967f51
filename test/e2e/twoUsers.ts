import type { Browser } from 'playwright-core'
import type { UserInfo } from '../../shared/api/types.ts'
import { startTestServer, TEST_PASSWORD } from '../utils/testServer.ts'
import type { TestServer } from '../utils/testServer.ts'
import { launchBrowser, signIn } from './browser.ts'
import type { Window } from './browser.ts'
import { ensureClientBuilt } from './clientBuild.ts'

/** A real server, Chromium, and two colleagues (张伟 and 李娜) each signed in in a window of their own. */
export interface TwoUsers {
  server: TestServer
  browser: Browser
  alice: { user: UserInfo; token: string }
  bob: { user: UserInfo; token: string }
  a: Window
  b: Window
}

/** Starts what a two-person browser test needs (call in beforeAll; close `browser` in afterAll). */
export async function startTwoUsers(): Promise<TwoUsers> {
  await ensureClientBuilt()
  const server = await startTestServer()
  const browser = await launchBrowser()
  const alice = await server.createUser('张伟')
  const bob = await server.createUser('李娜')
  const a = await signIn(browser, server.url, '张伟', TEST_PASSWORD)
  const b = await signIn(browser, server.url, '李娜', TEST_PASSWORD)
  return { server, browser, alice, bob, a, b }
}
