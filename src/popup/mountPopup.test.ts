import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PopupView } from '../core/popupContract';
import { mountPopup, truncate } from './mountPopup';

let root: ShadowRoot;
let view: PopupView;
const open = vi.fn();
const $ = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector)!;

beforeEach(() => {
  const host = document.createElement('sangdam-widget');
  document.body.appendChild(host);
  root = host.attachShadow({ mode: 'open' });
  open.mockReset();
  view = mountPopup(root, { language: 'en', open });
});
afterEach(() => {
  view.destroy();
  document.body.innerHTML = '';
});

describe('the preview card of a new message', () => {
  it('shows the author and the text as text, never as HTML', () => {
    view.show({ chatId: 'c1', author: 'Mina <b>', text: '<img src=x onerror="alert(1)"> hello' });
    expect($('.pop').hidden).toBe(false);
    expect($('.pop-author').textContent).toBe('Mina <b>');
    expect($('.pop-text').textContent).toBe('<img src=x onerror="alert(1)"> hello');
    expect(root.querySelector('img, b')).toBeNull();
  });

  it('cuts a long text to 140 characters on one line, without splitting an emoji', () => {
    expect(truncate('a\n\n b')).toBe('a b');
    const long = truncate('😀'.repeat(200));
    expect(Array.from(long)).toHaveLength(140);
    expect(long.endsWith('😀…')).toBe(true);
  });

  it('opens that chat when clicked, and goes away', () => {
    view.show({ chatId: 'c7', author: 'Mina', text: 'Shipped' });
    $('.pop-open').click();
    expect(open).toHaveBeenCalledWith('c7');
    expect($('.pop').hidden).toBe(true);
  });

  it('has a labelled close button that dismisses it without opening anything', () => {
    view.show({ chatId: 'c7', author: 'Mina', text: 'Shipped' });
    const close = $('.pop-close');
    expect(close.getAttribute('aria-label')).toBe('Dismiss');
    close.click();
    expect($('.pop').hidden).toBe(true);
    expect(open).not.toHaveBeenCalled();
  });

  it('is announced through a polite live region once it has appeared', async () => {
    view.show({ chatId: 'c7', author: 'Mina', text: 'Shipped' });
    const live = $('[aria-live=polite]');
    expect(live.textContent).toBe('');
    await vi.waitFor(() => expect(live.textContent).toBe('New message from Mina: Shipped'));
  });

  it('speaks the customer’s language', () => {
    view.destroy();
    view = mountPopup(root, { language: 'ko', open });
    expect($('.pop-close').getAttribute('aria-label')).toBe('닫기');
  });

  it('removes every node and its styles when destroyed', () => {
    const sheets = root.adoptedStyleSheets.length;
    view.show({ chatId: 'c7', author: 'Mina', text: 'Shipped' });
    view.destroy();
    expect(root.children).toHaveLength(0);
    expect(root.adoptedStyleSheets.length).toBe(sheets - 1);
  });
});
