import { afterEach, describe, expect, it } from 'vitest';
import { chat, flush, message } from './test/fakeServices';
import { $, $$, cleanup, start, texts, ui } from './test/harness';

afterEach(cleanup);

const button = (name: string) => $$('button').find((b) => b.textContent === name) as HTMLButtonElement | undefined;

describe('paging in the messenger', () => {
  it('shows the next page of chats under "Show more" and hides it after the last page', async () => {
    const old = chat('c1', message('c1', 'customer', 'oldest'));
    const middle = chat('c2', message('c2', 'customer', 'middle'));
    const newer = [chat('c3', message('c3', 'customer', 'newest')), middle];
    start();
    ui.fake.services.listChats.mockImplementation(async (cursor?: string | null) =>
      cursor === 'p2' ? { chats: [old], next: null } : { chats: newer, next: 'p2' },
    );
    ui.view!.show();
    await flush();
    expect(texts('.item .pv')).toEqual(['newest', 'middle']);
    const more = button('Show more')!;
    more.focus();
    more.click();
    await flush();
    expect(ui.fake.services.listChats).toHaveBeenLastCalledWith('p2');
    expect(texts('.item .pv')).toEqual(['newest', 'middle', 'oldest']);
    expect(button('Show more')).toBeUndefined();
  });

  it('adds earlier messages above the thread from its button, keeping the place read', async () => {
    const earlier = [message('c1', 'customer', 'one'), message('c1', 'manager', 'two')];
    const latest = [message('c1', 'customer', 'three'), message('c1', 'manager', 'four')];
    const c1 = chat('c1', latest[1]);
    start([c1]);
    ui.fake.services.getChat.mockImplementation(async (_id: string, before?: string | null) =>
      before === 'older' ? { chat: c1, messages: earlier, next: null } : { chat: c1, messages: latest, next: 'older' },
    );
    ui.view!.show({ chatId: 'c1' });
    await flush();
    expect(texts('[role=log] .bub')).toEqual(['three', 'four']);
    const body = $('.body')!;
    Object.defineProperty(body, 'scrollHeight', { configurable: true, get: () => 100 * body.querySelectorAll('.bub').length });
    body.scrollTop = 50;
    button('Show earlier messages')!.click();
    await flush();
    expect(ui.fake.services.getChat).toHaveBeenLastCalledWith('c1', 'older');
    expect(texts('[role=log] .bub')).toEqual(['one', 'two', 'three', 'four']);
    // 200 px tall with 150 px below the view before; 400 px after, so still 150 px below it.
    expect(body.scrollTop).toBe(250);
    expect(button('Show earlier messages')).toBeUndefined();
  });
});
