import { expect, managerApi, test as base, widget } from '../fixtures';
import { startServer, type RunningServer } from '../server';

// A server of its own whose message limit a quick customer meets: 3 per visitor per 4 s.
const test = base.extend<{ server: RunningServer }>({
  server: async ({}, use) => {
    const server = await startServer({ RATE_LIMITS: JSON.stringify({ message: { visitor: 3, windowSeconds: 4 } }) });
    await use(server);
    await server.dispose();
  },
});

test('messages refused with 429 wait out Retry-After in the outbox and arrive once each, in order', async ({ page, hostPage, server }) => {
  const posts: { status: number; at: number; retryAfter: string | null; clientId: string }[] = [];
  page.on('response', async (response) => {
    const request = response.request();
    if (request.method() !== 'POST' || !/\/chats\/[^/]+\/messages$/.test(new URL(response.url()).pathname)) return;
    const { clientId } = request.postDataJSON() as { clientId: string };
    posts.push({ status: response.status(), at: Date.now(), retryAfter: await response.headerValue('retry-after'), clientId });
  });
  await hostPage();
  await widget(page).launcher.click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'New chat' }).click();
  const composer = dialog.getByRole('textbox', { name: 'Message' });
  const texts = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth'].map((word) => `${word} line of a quick typist`);
  // The first line starts the chat; Enter waits (the text stays in the composer) until it exists.
  const created = page.waitForResponse((r) => r.request().method() === 'POST' && /\/chats$/.test(new URL(r.url()).pathname) && r.ok());
  for (const [i, text] of texts.entries()) {
    await composer.fill(text);
    await composer.press('Enter');
    if (i === 0) await created;
  }
  for (const text of texts) await expect(dialog.getByRole('log').getByText(text, { exact: true })).toHaveCount(1);

  const api = managerApi(server);
  const chatId = await api.chatWith(texts[5]);
  await expect.poll(async () => (await api.chat(chatId)).messages.map((m) => m.text), { timeout: 15_000 }).toEqual(texts);
  // The limit was met, and each refused message went again, with its clientId, only after the wait.
  const refusals = posts.filter((p) => p.status === 429);
  expect(refusals.length, JSON.stringify(posts)).toBeGreaterThan(0);
  for (const refused of refusals) {
    const next = posts.find((p) => p.clientId === refused.clientId && p.at > refused.at)!;
    expect(next.at - refused.at, JSON.stringify(posts)).toBeGreaterThanOrEqual(Number(refused.retryAfter) * 1000 - 250);
  }
  for (const clientId of new Set(posts.map((p) => p.clientId))) {
    expect(posts.filter((p) => p.clientId === clientId && p.status === 201), clientId).toHaveLength(1);
  }
  await expect(dialog).not.toContainText('Not sent');
  await expect(dialog).not.toContainText('could not be sent');
});
