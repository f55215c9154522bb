import { afterEach, describe, expect, it, vi } from 'vitest';
import { messenger as ko } from '../shared/i18n/ko';
import type { MessengerStrings } from '../shared/i18n/types';
import { mountWithServices } from './mount';
import { chat, fakeServices, flush, message } from './test/fakeServices';
import { $, $$, cleanup, composer, focused, panel, press, start, texts, twoChats, type, ui } from './test/harness';

afterEach(cleanup);

describe('messenger panel', () => {
  it('lists the customer chats newest first with preview, author and unread count', async () => {
    twoChats();
    ui.view!.show();
    await flush();
    expect(panel().hidden).toBe(false);
    expect(texts('.item .pv')).toEqual(['Is the blue one in stock?', 'Your order has shipped']);
    expect(texts('.item .nm')).toEqual(['You', 'Mina']);
    expect($('li:last-child .unr')?.textContent).toContain('2 unread');
    expect($$('button').some((b) => b.textContent === 'New chat')).toBe(true);
  });

  it('opens a thread and shows its messages oldest first, the customer on the right', async () => {
    twoChats();
    ui.view!.show({ chatId: 'c1' });
    await flush();
    expect(ui.fake.services.getChat).toHaveBeenCalledWith('c1', undefined);
    const log = $('[role=log]')!;
    expect(Array.from(log.querySelectorAll('.bub')).map((b) => b.textContent)).toEqual(['Where is my order?', 'Your order has shipped']);
    expect(log.querySelector('.msg.me .bub')?.textContent).toBe('Where is my order?');
    expect(log.querySelector('.msg:not(.me) .who')?.textContent).toBe('Mina');
    expect(ui.fake.services.markRead).toHaveBeenCalledWith('c1');
  });

  it('opens the chat list, not an error, for an id that is not one of the customer’s chats', async () => {
    twoChats();
    ui.view!.show({ chatId: '12345' });
    await flush();
    expect(ui.fake.services.getChat).toHaveBeenCalledWith('12345', undefined);
    expect(texts('.item .pv')).toEqual(['Is the blue one in stock?', 'Your order has shipped']);
    expect(ui.fake.services.root.textContent).not.toContain('Could not load.');
    expect(ui.fake.services.viewing).toHaveBeenLastCalledWith(null);
  });

  it('still says a real chat could not be loaded when the network fails', async () => {
    twoChats();
    ui.fake.services.getChat.mockRejectedValueOnce(Object.assign(new Error('offline'), { status: 0, retryable: true }));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    ui.view!.show({ chatId: 'c1' });
    await flush();
    expect(ui.fake.services.root.textContent).toContain('Could not load.');
  });

  it('opens a thread from the chat list and moves focus to the composer', async () => {
    twoChats();
    ui.view!.show();
    await flush();
    $$('.item')[1].click();
    await flush();
    expect(texts('[role=log] .bub')).toContain('Your order has shipped');
    expect(focused()).toBe(composer());
  });

  it('shows the pending copy while sending, then the stored one once, even when the realtime event comes too', async () => {
    twoChats();
    ui.view!.show({ chatId: 'c2' });
    await flush();
    type('Thanks!');
    press(composer(), 'Enter');
    await flush();
    expect(ui.fake.services.sendMessage).toHaveBeenCalledWith('c2', 'Thanks!');
    expect(composer().value).toBe('');
    expect(texts('.msg.me')).toContainEqual(expect.stringContaining('Sending…'));

    const [clientId] = ui.fake.pendingIds();
    const stored = ui.fake.acknowledge(clientId);
    ui.fake.deliver(stored);
    ui.fake.deliver(stored); // a resumed connection may replay it
    await flush();
    expect(texts('[role=log] .bub').filter((t) => t === 'Thanks!')).toHaveLength(1);
    expect(ui.fake.services.root.textContent).not.toContain('Sending…');
  });

  it('hides the pending copy as soon as the realtime event for it arrives, before the acknowledgement', async () => {
    twoChats();
    ui.view!.show({ chatId: 'c2' });
    await flush();
    type('Hello');
    press(composer(), 'Enter');
    await flush();
    const [clientId] = ui.fake.pendingIds();
    ui.fake.deliver(message('c2', 'customer', 'Hello', { clientId }));
    await flush();
    expect(texts('[role=log] .bub').filter((t) => t === 'Hello')).toHaveLength(1);
    expect(ui.fake.services.root.textContent).not.toContain('Sending…');
  });

  it('keeps Shift+Enter as a new line instead of sending', async () => {
    twoChats();
    ui.view!.show({ chatId: 'c2' });
    await flush();
    type('line one');
    press(composer(), 'Enter', { shiftKey: true });
    press(composer(), 'Enter', { isComposing: true });
    await flush();
    expect(ui.fake.services.sendMessage).not.toHaveBeenCalled();
  });

  it('shows a refused message with its reason and discards it on request', async () => {
    twoChats();
    ui.view!.show({ chatId: 'c2' });
    await flush();
    type('too long');
    press(composer(), 'Enter');
    await flush();
    const [clientId] = ui.fake.pendingIds();
    ui.fake.refuse(clientId, 'Message is too long');
    await flush();
    expect($('.fail')?.textContent).toContain('Message is too long');
    $$('.fail button')[0].click();
    await flush();
    expect(ui.fake.services.discard).toHaveBeenCalledWith(clientId);
    expect($('.fail')).toBeNull();
  });

  it('appends an incoming manager message to the open thread and announces it', async () => {
    twoChats();
    ui.view!.show({ chatId: 'c1' });
    await flush();
    ui.fake.services.markRead.mockClear();
    ui.fake.deliver(message('c1', 'manager', 'It arrives tomorrow.', { authorName: 'Mina' }), 1);
    await flush();
    expect(texts('[role=log] .bub').at(-1)).toBe('It arrives tomorrow.');
    expect($('[role=status][aria-live=polite]')?.textContent).toBe('New message from Mina: It arrives tomorrow.');
    expect(ui.fake.services.markRead).toHaveBeenCalledWith('c1');
  });

  it("shows a manager's avatar beside their name, and nothing for a manager without one", async () => {
    twoChats();
    ui.view!.show({ chatId: 'c1' });
    await flush();
    ui.fake.deliver(message('c1', 'manager', 'Hi, I am Mina.', { authorName: 'Mina', authorAvatarUrl: 'https://cdn.shop.test/mina.png' }), 1);
    ui.fake.deliver(message('c1', 'manager', 'And Jun.', { authorName: 'Jun' }), 2);
    await flush();
    const whos = $$('[role=log] .msg .who');
    const mina = whos.filter((who) => who.textContent === 'Mina').at(-1)!;
    expect(mina.querySelector('img')?.getAttribute('src')).toBe('https://cdn.shop.test/mina.png');
    // Decorative: the name beside it is what a screen reader says.
    expect(mina.querySelector('img')?.getAttribute('alt')).toBe('');
    expect(whos.find((who) => who.textContent === 'Jun')!.querySelector('img')).toBeNull();
  });

  it("shows that a manager is writing in the open chat until their message arrives, and tells managers when the customer writes", async () => {
    twoChats();
    ui.view!.show({ chatId: 'c1' });
    await flush();
    ui.fake.emit({ type: 'typing', chatId: 'c2', author: 'manager', name: 'Jun' });
    ui.fake.emit({ type: 'typing', chatId: 'c1', author: 'manager', name: 'Mina' });
    await flush();
    expect(texts('.body > p.muted')).toEqual(['Mina is typing…']);
    ui.fake.deliver(message('c1', 'manager', 'Here it is.', { authorName: 'Mina' }), 1);
    await flush();
    expect(texts('.body > p.muted')).toEqual([]);
    const box = composer();
    box.value = 'Tha';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    box.value = 'Thanks';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    expect(ui.fake.services.typing.mock.calls).toEqual([['c1']]);
  });

  it('announces a reply once even when the thread loaded it before its realtime event arrived', async () => {
    twoChats();
    const reply = message('c2', 'manager', 'We have it in blue.', { authorName: 'Jun' });
    ui.fake.services.getChat.mockResolvedValueOnce({ chat: chat('c2', reply), messages: [reply], next: null });
    ui.view!.show({ chatId: 'c2' });
    await flush();
    ui.fake.deliver(reply, 0);
    ui.fake.deliver(reply, 0);
    await flush();
    expect(texts('[role=log] .bub')).toEqual(['We have it in blue.']);
    expect($('[role=status]')?.textContent).toBe('New message from Jun: We have it in blue.');
  });

  it('updates the chat list when a message arrives for another chat', async () => {
    twoChats();
    ui.view!.show();
    await flush();
    ui.fake.deliver(message('c1', 'bot', 'A new reply'), 3);
    await flush();
    expect(texts('.item .pv')[0]).toBe('A new reply');
    expect($('.unr')?.textContent).toContain('3 unread');
  });

  it('starts a new chat with the first message and then shows its thread', async () => {
    start();
    ui.view!.show({ newChat: true });
    await flush();
    expect(composer().value).toBe('');
    type('I need help');
    press(composer(), 'Enter');
    await flush();
    expect(ui.fake.services.createChat).toHaveBeenCalledWith('I need help');
    expect(texts('[role=log] .msg.me .bub')).toEqual(['I need help']);
    type('More details');
    press(composer(), 'Enter');
    await flush();
    expect(ui.fake.services.sendMessage).toHaveBeenCalledWith('c1', 'More details');
  });

  it('prefills the composer of a new chat for show({ message })', async () => {
    start();
    ui.view!.show({ message: 'About order #42' });
    await flush();
    expect(composer().value).toBe('About order #42');
    expect(focused()).toBe(composer());
    expect(ui.fake.services.createChat).not.toHaveBeenCalled();
  });

  it('notes that a closed chat is closed and still lets the customer write', async () => {
    const last = message('c1', 'manager', 'Bye');
    start([chat('c1', last, { state: 'closed' })], { c1: [last] });
    ui.view!.show({ chatId: 'c1' });
    await flush();
    expect(ui.fake.services.root.textContent).toContain('This chat is closed');
    expect(composer().disabled).toBe(false);
  });

  it('shows a reconnecting notice while offline', async () => {
    twoChats();
    ui.view!.show();
    await flush();
    ui.fake.emit({ type: 'connection', online: false });
    await flush();
    expect(ui.fake.services.root.textContent).toContain('Reconnecting…');
    ui.fake.emit({ type: 'connection', online: true });
    await flush();
    expect(ui.fake.services.root.textContent).not.toContain('Reconnecting…');
  });
});

describe('the strings of the customer language', () => {
  it('shows nothing until they have arrived, meanwhile loads the chats, then shows the panel with focus inside', async () => {
    ui.fake = fakeServices([chat('c1', message('c1', 'manager', 'Hello'))]);
    let arrive!: (strings: MessengerStrings) => void;
    ui.fake.services.loadStrings.mockReturnValueOnce(new Promise((resolve) => (arrive = resolve)));
    ui.view = mountWithServices(ui.fake.services);
    ui.view.show();
    await flush();
    expect(ui.fake.services.root.innerHTML).toBe('');
    expect(ui.fake.services.listChats).toHaveBeenCalled();
    arrive(ko);
    await flush();
    expect(texts('.item .pv')).toEqual(['Hello']);
    expect(focused()?.textContent).toBe('새 문의하기');
  });

  it('are asked for again on the next show when they failed to load', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    ui.fake = fakeServices();
    ui.fake.services.loadStrings.mockRejectedValueOnce(new Error('messenger.ko.js: failed to fetch'));
    ui.view = mountWithServices(ui.fake.services);
    ui.view.show();
    await flush();
    expect(ui.fake.services.root.innerHTML).toBe('');
    expect(error).toHaveBeenCalled();
    ui.view.hide();
    ui.view.show();
    await flush();
    expect(ui.fake.services.loadStrings).toHaveBeenCalledTimes(2);
    expect(panel().hidden).toBe(false);
    error.mockRestore();
  });
});
