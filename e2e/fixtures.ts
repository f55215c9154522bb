import { test as base, expect, type Page } from '@playwright/test';
import { startHostSite, type HostSite } from './hostSite';
import { openTestPage, type TestPageOptions } from './pages';
import { MANAGER_TOKEN, PLUGIN_KEY, startServer, type RunningServer } from './server';

/** One Manager API call that must succeed; answers the parsed body (undefined for 204). */
export async function manager(server: RunningServer, method: string, path: string, body?: unknown): Promise<any> {
  const response = await fetch(`${server.url}/api/manager${path}`, {
    method,
    headers: { authorization: `Bearer ${MANAGER_TOKEN}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  expect(response.ok, `${method} ${path}: ${response.status}`).toBe(true);
  return response.status === 204 ? undefined : response.json();
}

interface ChatSummary {
  id: string;
  state: string;
  profile: Record<string, unknown>;
  lastMessage: { text: string; author: string } | null;
}

/** Calls the Manager API of the running server. */
export function managerApi(server: RunningServer) {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${server.url}/api/manager${path}`, {
      method,
      headers: { authorization: `Bearer ${MANAGER_TOKEN}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const data = await response.json();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(data)}`);
    return data as T;
  };
  return {
    chats: () => call<{ chats: ChatSummary[] }>('GET', '/chats').then((r) => r.chats),
    /** Waits for the chat whose last message is `text` (texts are unique per test) and returns its id. */
    async chatWith(text: string): Promise<string> {
      let found: ChatSummary | undefined;
      await expect
        .poll(async () => {
          const { chats } = await call<{ chats: ChatSummary[] }>('GET', '/chats');
          found = chats.find((c) => c.lastMessage && c.lastMessage.text === text);
          return !!found;
        }, { message: `a chat whose last message is "${text}"` })
        .toBe(true);
      return found!.id;
    },
    chat: (id: string) => call<{ chat: { id: string; state: string; profile: Record<string, unknown> }; messages: { id: string; author: string; text: string }[] }>('GET', `/chats/${id}`),
    reply: (id: string, text: string) => call('POST', `/chats/${id}/messages`, { text }),
    close: (id: string) => call('POST', `/chats/${id}/close`),
    open: (id: string) => call('POST', `/chats/${id}/open`),
  };
}

/** The shadow root's launcher and messenger, reached through Playwright's shadow-piercing locators. */
export const widget = (page: Page) => ({
  host: page.locator('sangdam-widget'),
  launcher: page.locator('sangdam-widget button.launcher'),
  dialog: page.getByRole('dialog'),
});

interface Fixtures {
  server: RunningServer;
  api: ReturnType<typeof managerApi>;
  /** Opens a page of the stand-in customer site that embeds the widget with the official snippet. */
  hostPage(options?: TestPageOptions): Promise<void>;
}

export const test = base.extend<Fixtures, { workerServer: RunningServer; site: HostSite }>({
  site: [
    async ({}, use) => {
      const site = await startHostSite();
      await use(site);
      await site.close();
    },
    { scope: 'worker' },
  ],
  hostPage: async ({ page, site, server }, use) => use((options) => openTestPage(page, site, server.url, options)),
  workerServer: [
    async ({}, use) => {
      const server = await startServer();
      await use(server);
      await server.dispose();
    },
    { scope: 'worker' },
  ],
  server: async ({ workerServer }, use) => use(workerServer),
  api: async ({ server }, use) => use(managerApi(server)),
});

export { expect, PLUGIN_KEY, MANAGER_TOKEN };
