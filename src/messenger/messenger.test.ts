import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MessengerView } from '../core/contract';
import { mount } from './index';
import { chat, fakeHost, flush, message } from './test/fakeHost';

let view: MessengerView | undefined;
let fake: ReturnType<typeof fakeHost>;

const $ = <T extends Element = HTMLElement>(selector: string) => fake.host.root.querySelector<T>(selector);
const $$ = (selector: string) => Array.from(fake.host.root.querySelectorAll<HTMLElement>(selector));
const texts = (selector: string) => $$(selector).map((el) => el.textContent);
const panel = () => $('[role=dialog]')!;
const composer = () => $<HTMLTextAreaElement>('textarea')!;

function type(text: string) {
  composer().value = text;
  composer().dispatchEvent(new Event('input', { bubbles: true }));
}
const press = (target: Element, key: string, init: KeyboardEventInit = {}) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));

function start(...args: Parameters<typeof fakeHost>) {
  fake = fakeHost(...args);
  view = mount(fake.host);
  return fake;
}

function twoChats() {
  const question = message('c1', 'customer', 'Where is my order?');
  const older = message('c1', 'manager', 'Your order has shipped', { authorName: 'Mina' });
  const newer = message('c2', 'customer', 'Is the blue one in stock?');
  return start([chat('c1', older, { unread: 2 }), chat('c2', newer)], {
    c1: [older, question],
    c2: [newer],
  });
}

afterEach(() => {
  view?.destroy();
  view = undefined;
  fake?.element.remove();
  vi.unstubAllGlobals();
  document.documentElement.removeAttribute('style');
});

describe('messenger panel', () => {
  it('lists the customer chats newest first with preview, author and unread count', async () => {
    twoChats();
    view!.show();
    await flush();
    expect(panel().hidden).toBe(false);
    expect(texts('.item .pv')).toEqual(['Is the blue one in stock?', 'Your order has shipped']);
    expect(texts('.item .nm')).toEqual(['You', 'Mina']);
    expect($('li:last-child .unr')?.textContent).toContain('2 unread');
    expect($$('button').some((b) => b.textContent === 'New chat')).toBe(true);
  });

  it('opens a thread and shows its messages oldest first, the customer on the right', async () => {
    twoChats();
    view!.show({ chatId: 'c1' });
    await flush();
    expect(fake.host.getChat).toHaveBeenCalledWith('c1');
    const log = $('[role=log]')!;
    expect(Array.from(log.querySelectorAll('.bub')).map((b) => b.textContent)).toEqual(['Where is my order?', 'Your order has shipped']);
    expect(log.querySelector('.msg.me .bub')?.textContent).toBe('Where is my order?');
    expect(log.querySelector('.msg:not(.me) .who')?.textContent).toBe('Mina');
    expect(fake.host.markRead).toHaveBeenCalledWith('c1');
  });

  it('opens a thread from the chat list and moves focus to the composer', async () => {
    twoChats();
    view!.show();
    await flush();
    $$('.item')[1].click();
    await flush();
    expect(texts('[role=log] .bub')).toContain('Your order has shipped');
    expect(fake.host.shadowRoot.activeElement).toBe(composer());
  });

  it('shows the pending copy while sending, then the stored one once, even when the realtime event comes too', async () => {
    twoChats();
    view!.show({ chatId: 'c2' });
    await flush();
    type('Thanks!');
    press(composer(), 'Enter');
    await flush();
    expect(fake.host.sendMessage).toHaveBeenCalledWith('c2', 'Thanks!');
    expect(composer().value).toBe('');
    expect(texts('.msg.me')).toContainEqual(expect.stringContaining('Sending…'));

    const [clientId] = fake.pendingIds();
    const stored = fake.acknowledge(clientId);
    fake.deliver(stored);
    fake.deliver(stored); // a resumed connection may replay it
    await flush();
    expect(texts('[role=log] .bub').filter((t) => t === 'Thanks!')).toHaveLength(1);
    expect(fake.host.root.textContent).not.toContain('Sending…');
  });

  it('hides the pending copy as soon as the realtime event for it arrives, before the acknowledgement', async () => {
    twoChats();
    view!.show({ chatId: 'c2' });
    await flush();
    type('Hello');
    press(composer(), 'Enter');
    await flush();
    const [clientId] = fake.pendingIds();
    fake.deliver(message('c2', 'customer', 'Hello', { clientId }));
    await flush();
    expect(texts('[role=log] .bub').filter((t) => t === 'Hello')).toHaveLength(1);
    expect(fake.host.root.textContent).not.toContain('Sending…');
  });

  it('keeps Shift+Enter as a new line instead of sending', async () => {
    twoChats();
    view!.show({ chatId: 'c2' });
    await flush();
    type('line one');
    press(composer(), 'Enter', { shiftKey: true });
    press(composer(), 'Enter', { isComposing: true });
    await flush();
    expect(fake.host.sendMessage).not.toHaveBeenCalled();
  });

  it('shows a refused message with its reason and discards it on request', async () => {
    twoChats();
    view!.show({ chatId: 'c2' });
    await flush();
    type('too long');
    press(composer(), 'Enter');
    await flush();
    const [clientId] = fake.pendingIds();
    fake.refuse(clientId, 'Message is too long');
    await flush();
    expect($('.fail')?.textContent).toContain('Message is too long');
    $$('.fail button')[0].click();
    await flush();
    expect(fake.host.discard).toHaveBeenCalledWith(clientId);
    expect($('.fail')).toBeNull();
  });

  it('appends an incoming manager message to the open thread and announces it', async () => {
    twoChats();
    view!.show({ chatId: 'c1' });
    await flush();
    fake.host.markRead.mockClear();
    fake.deliver(message('c1', 'manager', 'It arrives tomorrow.', { authorName: 'Mina' }), 1);
    await flush();
    expect(texts('[role=log] .bub').at(-1)).toBe('It arrives tomorrow.');
    expect($('[role=status][aria-live=polite]')?.textContent).toBe('New message from Mina: It arrives tomorrow.');
    expect(fake.host.markRead).toHaveBeenCalledWith('c1');
  });

  it('announces a reply once even when the thread loaded it before its realtime event arrived', async () => {
    twoChats();
    const reply = message('c2', 'manager', 'We have it in blue.', { authorName: 'Jun' });
    fake.host.getChat.mockResolvedValueOnce({ chat: chat('c2', reply), messages: [reply] });
    view!.show({ chatId: 'c2' });
    await flush();
    fake.deliver(reply, 0);
    fake.deliver(reply, 0);
    await flush();
    expect(texts('[role=log] .bub')).toEqual(['We have it in blue.']);
    expect($('[role=status]')?.textContent).toBe('New message from Jun: We have it in blue.');
  });

  it('updates the chat list when a message arrives for another chat', async () => {
    twoChats();
    view!.show();
    await flush();
    fake.deliver(message('c1', 'bot', 'A new reply'), 3);
    await flush();
    expect(texts('.item .pv')[0]).toBe('A new reply');
    expect($('.unr')?.textContent).toContain('3 unread');
  });

  it('starts a new chat with the first message and then shows its thread', async () => {
    start();
    view!.show({ newChat: true });
    await flush();
    expect(composer().value).toBe('');
    type('I need help');
    press(composer(), 'Enter');
    await flush();
    expect(fake.host.createChat).toHaveBeenCalledWith('I need help');
    expect(texts('[role=log] .msg.me .bub')).toEqual(['I need help']);
    type('More details');
    press(composer(), 'Enter');
    await flush();
    expect(fake.host.sendMessage).toHaveBeenCalledWith('c1', 'More details');
  });

  it('prefills the composer of a new chat for show({ message })', async () => {
    start();
    view!.show({ message: 'About order #42' });
    await flush();
    expect(composer().value).toBe('About order #42');
    expect(fake.host.shadowRoot.activeElement).toBe(composer());
    expect(fake.host.createChat).not.toHaveBeenCalled();
  });

  it('notes that a closed chat is closed and still lets the customer write', async () => {
    const last = message('c1', 'manager', 'Bye');
    start([chat('c1', last, { state: 'closed' })], { c1: [last] });
    view!.show({ chatId: 'c1' });
    await flush();
    expect(fake.host.root.textContent).toContain('This chat is closed');
    expect(composer().disabled).toBe(false);
  });

  it('shows a reconnecting notice while offline', async () => {
    twoChats();
    view!.show();
    await flush();
    fake.emit({ type: 'connection', online: false });
    await flush();
    expect(fake.host.root.textContent).toContain('Reconnecting…');
    fake.emit({ type: 'connection', online: true });
    await flush();
    expect(fake.host.root.textContent).not.toContain('Reconnecting…');
  });
});

describe('message text', () => {
  async function showText(text: string) {
    start([chat('c1', null)], { c1: [message('c1', 'manager', text)] });
    view!.show({ chatId: 'c1' });
    await flush();
    return $('[role=log] .bub')!;
  }

  it('shows HTML in a message literally, as text', async () => {
    const bubble = await showText('<img src=x onerror=alert(1)> <b>bold</b>');
    expect(bubble.textContent).toBe('<img src=x onerror=alert(1)> <b>bold</b>');
    expect(fake.host.root.querySelector('img, b')).toBeNull();
  });

  it('turns URLs into safe links and keeps line breaks', async () => {
    const bubble = await showText('Track it:\nhttps://shop.example/track?id=1. javascript:alert(1)');
    const links = Array.from(bubble.querySelectorAll('a'));
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://shop.example/track?id=1']);
    expect(links[0].getAttribute('target')).toBe('_blank');
    expect(links[0].getAttribute('rel')).toBe('noopener noreferrer nofollow');
    expect(bubble.textContent).toBe('Track it:\nhttps://shop.example/track?id=1. javascript:alert(1)');
  });

  it('lets the host page handle a link click when it asks to', async () => {
    const bubble = await showText('see https://a.example');
    fake.host.urlClicked.mockReturnValue(true);
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    bubble.querySelector('a')!.dispatchEvent(click);
    expect(fake.host.urlClicked).toHaveBeenCalledWith('https://a.example');
    expect(click.defaultPrevented).toBe(true);
  });
});

describe('dialog behaviour', () => {
  it('is a labelled, non-modal dialog on a desktop viewport', async () => {
    twoChats();
    view!.show();
    await flush();
    const dialog = panel();
    expect(fake.host.root.querySelector(`#${dialog.getAttribute('aria-labelledby')}`)?.textContent).toBe('Acme Support');
    expect(dialog.hasAttribute('aria-modal')).toBe(false);
    expect(document.documentElement.style.overflow).toBe('');
  });

  it('asks the core to hide on Escape', async () => {
    twoChats();
    view!.show();
    await flush();
    press(panel(), 'Escape');
    expect(fake.host.hide).toHaveBeenCalled();
  });

  it('moves focus into the panel on show', async () => {
    twoChats();
    view!.show();
    await flush();
    expect(fake.host.shadowRoot.activeElement?.textContent).toBe('New chat');
  });

  it('becomes modal on a narrow viewport, traps Tab and locks page scroll until hidden', async () => {
    const listeners: Array<() => void> = [];
    const query = { matches: true, addEventListener: (_: string, l: () => void) => listeners.push(l), removeEventListener: vi.fn() };
    vi.stubGlobal('matchMedia', vi.fn(() => query));
    document.documentElement.style.setProperty('overflow', 'scroll', 'important');
    twoChats();
    view!.show({ chatId: 'c1' });
    await flush();
    expect(panel().getAttribute('aria-modal')).toBe('true');
    expect(document.documentElement.style.overflow).toBe('hidden');

    const focusable = Array.from(panel().querySelectorAll<HTMLElement>('button:not([disabled]),textarea'));
    focusable.at(-1)!.focus();
    press(focusable.at(-1)!, 'Tab');
    expect(fake.host.shadowRoot.activeElement).toBe(focusable[0]);
    press(focusable[0], 'Tab', { shiftKey: true });
    expect(fake.host.shadowRoot.activeElement).toBe(focusable.at(-1));

    view!.hide();
    await flush();
    expect(document.documentElement.style.getPropertyValue('overflow')).toBe('scroll');
    expect(document.documentElement.style.getPropertyPriority('overflow')).toBe('important');

    view!.show();
    await flush();
    query.matches = false;
    listeners.forEach((l) => l());
    await flush();
    expect(panel().hasAttribute('aria-modal')).toBe(false);
    expect(document.documentElement.style.getPropertyValue('overflow')).toBe('scroll');
  });

  it('restores page scroll when destroyed while full screen', async () => {
    vi.stubGlobal('matchMedia', vi.fn(() => ({ matches: true, addEventListener() {}, removeEventListener() {} })));
    twoChats();
    view!.show();
    await flush();
    expect(document.documentElement.style.overflow).toBe('hidden');
    view!.destroy();
    view = undefined;
    expect(document.documentElement.style.overflow).toBe('');
  });

  it('leaves the root empty and removes its stylesheet and subscription on destroy', async () => {
    fake = fakeHost([chat('c1', null)]);
    const { shadowRoot, root } = fake.host;
    const coreSheet = new CSSStyleSheet();
    shadowRoot.adoptedStyleSheets = [coreSheet];
    const mounted = mount(fake.host);
    expect(shadowRoot.adoptedStyleSheets).toHaveLength(2);
    mounted.show({ chatId: 'c1' });
    await flush();
    mounted.destroy();
    expect(root.innerHTML).toBe('');
    expect(shadowRoot.adoptedStyleSheets).toEqual([coreSheet]);
    expect(fake.listeners.size).toBe(0);
  });

  it('falls back to a style element with the nonce when constructable sheets are missing', () => {
    vi.stubGlobal('CSSStyleSheet', undefined);
    fake = fakeHost();
    const mounted = mount({ ...fake.host, nonce: 'abc123' });
    const style = fake.host.shadowRoot.querySelector('style')!;
    expect(style.nonce || style.getAttribute('nonce')).toBe('abc123');
    mounted.destroy();
    expect(fake.host.shadowRoot.querySelector('style')).toBeNull();
  });

  it('renders a small failure state instead of throwing when rendering fails', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    fake = fakeHost();
    const host = Object.defineProperty({ ...fake.host }, 'channel', {
      get() {
        throw new Error('broken channel');
      },
    });
    view = mount(host);
    view.show();
    await flush();
    expect(panel().textContent).toBe('Something went wrong.');
    $<HTMLButtonElement>('button[aria-label=Close]')!.click();
    expect(fake.host.hide).toHaveBeenCalled();
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });

  it('reports an error thrown by the host instead of throwing to the page', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    twoChats();
    fake.host.listChats.mockRejectedValueOnce(new Error('offline'));
    fake.host.markRead.mockImplementation(() => {
      throw new Error('boom');
    });
    view!.show({ chatId: 'c1' });
    view!.show();
    await flush();
    expect(fake.host.root.textContent).toContain('Could not load.');
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });
});
