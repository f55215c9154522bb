import { afterEach, describe, expect, it } from 'vitest';
import { calls, chat, message } from '../test/fakeServer';
import { $, $$, cleanup, flush, press, start, type, ui } from '../test/harness';

afterEach(cleanup);

const REPLIES = [
  { id: 'r1', title: 'Greeting', text: 'Hello {{user.name|there}}!', authorId: null, createdAt: 1, updatedAt: 1 },
  { id: 'r2', title: 'Shipping', text: '{{profile.productName}} ships in 2 days.', authorId: null, createdAt: 1, updatedAt: 1 },
];

function open() {
  const c1 = chat('c1', { lastMessage: message('c1', 'customer', 'Hi') });
  start(
    {
      'GET /profile-fields': { fields: [], builtIns: [] },
      'GET /saved-replies': { savedReplies: REPLIES },
      'GET /chats': { chats: [c1] },
      'GET /chats/c1': { chat: c1, messages: [c1.lastMessage] },
      'POST /chats/c1/messages': (body: { text: string }) => ({ status: 201, body: { message: message('c1', 'manager', body.text) } }),
    },
    { hash: '#/inbox/c1' },
  );
}

describe('saved replies in the composer', () => {
  it('offers them after /, moves with the arrow keys and inserts the chosen one; the server renders it when sent', async () => {
    open();
    await flush();
    const box = $<HTMLTextAreaElement>('#reply')!;
    type(box, '/');
    await flush();
    expect($$('#saved-replies [role=option]').map((o) => o.querySelector('strong')?.textContent)).toEqual(['Greeting', 'Shipping']);
    expect(box.getAttribute('aria-activedescendant')).toBe('saved-reply-r1');
    press(box, 'ArrowDown');
    await flush();
    expect(box.getAttribute('aria-activedescendant')).toBe('saved-reply-r2');
    expect($('#saved-reply-r2')?.getAttribute('aria-selected')).toBe('true');
    press(box, 'Enter');
    await flush();
    expect(box.value).toBe('{{profile.productName}} ships in 2 days.');
    expect($('#saved-replies')).toBeNull();
    expect(calls(ui.fetch).some((c) => c.route === 'POST /chats/c1/messages')).toBe(false);
    press(box, 'Enter');
    await flush();
    expect(calls(ui.fetch).find((c) => c.route === 'POST /chats/c1/messages')?.body).toMatchObject({ text: '{{profile.productName}} ships in 2 days.' });
  });

  it('filters by title and lets Escape keep the / as typed', async () => {
    open();
    await flush();
    const box = $<HTMLTextAreaElement>('#reply')!;
    type(box, '/ship');
    await flush();
    expect($$('#saved-replies [role=option]')).toHaveLength(1);
    press(box, 'Escape');
    await flush();
    expect($('#saved-replies')).toBeNull();
    expect(box.value).toBe('/ship');
  });
});
