/**
 * Issue 9, "One live connection per tab", in a real browser: the chat
 * survives its WebSocket gateway being restarted. This file runs a local
 * chat gateway of its own (the same startChatGateway as the stack, the chat
 * handlers in this process against the shared table), points the pages'
 * config.json at it, stops it and starts it again on the same port: the pages
 * say they are reconnecting, a message typed meanwhile goes once the
 * connection is back, and a message sent after works. Each page is checked
 * with axe.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startChatGateway, type ChatGateway } from '../../infra/local/chat-gateway.ts';
import type { LocalEndpoints } from '../../infra/local/endpoints.ts';
import { applyHandlerEnv } from '../../infra/local/lambda-runtime.ts';
import { freePort } from '../../infra/local/ports.ts';
import { assertAccessible, signInToDesktop, siteAddress, Visitors } from '../support/browser.ts';
import { newTwinspace, type TestTwinspace } from '../support/twinspace.ts';

const patience = 120_000;
const endpoints = inject('endpoints');

let visitors: Visitors;
let site: string;
let space: TestTwinspace;
let gateway: ChatGateway | undefined;
let own: LocalEndpoints;
let port: number;

beforeAll(async () => {
  site = siteAddress(endpoints);
  port = await freePort();
  own = { ...endpoints, chat: `ws://localhost:${port}` };
  // The handlers run here: they post to this gateway's @connections.
  applyHandlerEnv(own);
  gateway = await startChatGateway(own, port);
  visitors = await Visitors.launch();
  space = await newTwinspace(endpoints, `Reconnecting rivers ${Date.now().toString(36)}`);
});

afterAll(async () => {
  await visitors?.close();
  await gateway?.close();
});

/** A signed-in page whose config.json names this file's chat gateway, on the project's Chat tab, connected. */
async function chatPage(username: string): Promise<Page> {
  // The site's Content-Security-Policy names the stack's chat, not this file's gateway (connect-src), so these pages run
  // without it; tests/browser/security-headers.test.ts checks the chat tab under it. (Rewriting the header by routing the
  // pages does not work: Chromium then treats them as public and refuses their calls to localhost.)
  const page = await visitors.page({ locale: 'en-GB', bypassCSP: true });
  const config = await (await fetch(`${site}/config.json`)).json();
  await page.route(`${site}/config.json`, (route) => route.fulfill({ json: { ...config, chat: own.chat } }));
  await signInToDesktop(page, site, username);
  await page.goto(`${site}/en/twinspace/chat/?id=${space.projectId}`);
  await page.getByRole('status').filter({ hasText: 'Connected' }).waitFor();
  return page;
}

const messages = (page: Page) => page.getByRole('list', { name: 'Messages' }).getByRole('listitem');

async function say(page: Page, text: string): Promise<void> {
  await page.getByLabel('Your message', { exact: true }).fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
}

describe('the chat over a dropped connection', () => {
  it('reconnects by itself after the gateway restarts, sends what was typed meanwhile, and keeps working', { timeout: patience }, async () => {
    const ana = await chatPage('ana@demo.twinspace');
    const luc = await chatPage('luc@demo.twinspace');
    // Presence, and how long messages are kept, from the joined frame.
    await ana.getByRole('region', { name: 'In the chat now' }).getByText('Luc', { exact: false }).waitFor();
    await ana.getByText('Messages are kept for 90 days.').waitFor();

    const before = `Before the restart ${Date.now().toString(36)}`;
    await say(ana, before);
    await messages(luc).filter({ hasText: before }).waitFor();

    await gateway!.close();
    gateway = undefined;
    await ana.getByRole('status').filter({ hasText: 'Reconnecting' }).waitFor();
    await luc.getByRole('status').filter({ hasText: 'Reconnecting' }).waitFor();
    await assertAccessible(ana);

    const meanwhile = `Typed while reconnecting ${Date.now().toString(36)}`;
    await say(ana, meanwhile);
    await ana.getByText('Not connected: your message will be sent once the connection is back.').waitFor();

    gateway = await startChatGateway(own, port);
    await ana.getByRole('status').filter({ hasText: 'Connected' }).waitFor({ timeout: 45_000 });
    await luc.getByRole('status').filter({ hasText: 'Connected' }).waitFor({ timeout: 45_000 });
    // The queued message went once the room was joined again: once, to both.
    await messages(luc).filter({ hasText: meanwhile }).waitFor();
    await messages(ana).filter({ hasText: meanwhile }).waitFor();
    expect(await messages(luc).filter({ hasText: meanwhile }).count()).toBe(1);

    const after = `After the restart ${Date.now().toString(36)}`;
    await say(luc, after);
    await messages(ana).filter({ hasText: after }).waitFor();
    expect(await messages(ana).filter({ hasText: before }).count()).toBe(1);
    await assertAccessible(luc);
  });
});
