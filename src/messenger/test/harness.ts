import { vi } from 'vitest';
import type { MessengerView } from '../../core/contract';
import { mountWithServices } from '../mount';
import { chat, fakeServices, message } from './fakeServices';

/** The messenger under test and its fake services; `cleanup` after each test. */
export const ui = {} as { view?: MessengerView; fake: ReturnType<typeof fakeServices> };

export function start(...args: Parameters<typeof fakeServices>) {
  ui.fake = fakeServices(...args);
  ui.view = mountWithServices(ui.fake.services);
  return ui.fake;
}

/** Two chats: c1 with an unread manager reply, c2 (newer) with the customer's question. */
export function twoChats() {
  const question = message('c1', 'customer', 'Where is my order?');
  const older = message('c1', 'manager', 'Your order has shipped', { authorName: 'Mina' });
  const newer = message('c2', 'customer', 'Is the blue one in stock?');
  return start([chat('c1', older, { unread: 2 }), chat('c2', newer)], { c1: [older, question], c2: [newer] });
}

export function cleanup() {
  ui.view?.destroy();
  ui.view = undefined;
  ui.fake?.element.remove();
  vi.unstubAllGlobals();
  document.documentElement.removeAttribute('style');
}

export const $ = <T extends Element = HTMLElement>(selector: string) => ui.fake.services.root.querySelector<T>(selector);
export const $$ = (selector: string) => Array.from(ui.fake.services.root.querySelectorAll<HTMLElement>(selector));
export const texts = (selector: string) => $$(selector).map((el) => el.textContent);
export const panel = () => $('[role=dialog]')!;
export const composer = () => $<HTMLTextAreaElement>('textarea')!;
export const focused = () => ui.fake.services.shadowRoot.activeElement;

/** Types into the composer the way a browser reports it. */
export function type(text: string) {
  composer().value = text;
  composer().dispatchEvent(new Event('input', { bubbles: true }));
}

export const press = (target: Element, key: string, init: KeyboardEventInit = {}) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
