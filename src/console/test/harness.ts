import { vi } from 'vitest';
import type { ConsoleLanguage } from '../i18n';
import { mountConsole } from '../mountConsole';
import { FakeSocket, fakeFetch } from './fakeServer';

export const TOKEN = 'manager-token-123';

/** The console under test, its fake API and sockets; `cleanup` after each test. */
export const ui = {} as { fetch: ReturnType<typeof fakeFetch>; container: HTMLElement; destroy: () => void; model: ReturnType<typeof mountConsole>['model'] };

interface StartOptions {
  hash?: string;
  token?: string | null;
  language?: ConsoleLanguage;
  /** The server's base URL, as main.tsx derives it from the bundle's own URL. */
  base?: string;
}

/** Mounts the console at `hash` with the manager token already in the session (unless null). */
export function start(routes: Parameters<typeof fakeFetch>[0], { hash = '#/inbox', token = TOKEN, language = 'en', base }: StartOptions = {}) {
  sessionStorage.clear();
  localStorage.setItem('sangdam.console.language', language);
  if (token) sessionStorage.setItem('sangdam.console.token', token);
  history.replaceState(null, '', hash);
  FakeSocket.instances = [];
  ui.fetch = fakeFetch(routes);
  ui.container = document.createElement('div');
  document.body.appendChild(ui.container);
  const mounted = mountConsole(ui.container, { window, base, fetch: ui.fetch as unknown as typeof fetch, WebSocket: FakeSocket as unknown as typeof WebSocket });
  ui.model = mounted.model;
  ui.destroy = mounted.destroy;
  return ui;
}

export function cleanup() {
  ui.destroy?.();
  ui.container?.remove();
  localStorage.clear();
  sessionStorage.clear();
  vi.useRealTimers();
}

/** Lets pending fetches, their JSON and Preact's re-render settle. */
export const flush = async () => {
  for (let i = 0; i < 6; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

export const $ = <T extends Element = HTMLElement>(selector: string) => ui.container.querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(selector: string) => Array.from(ui.container.querySelectorAll<T>(selector));
export const texts = (selector: string) => $$(selector).map((el) => el.textContent?.trim());
export const button = (name: string | RegExp) =>
  $$<HTMLButtonElement>('button').find((b) => (typeof name === 'string' ? b.textContent?.trim() === name || b.getAttribute('aria-label') === name : name.test(b.textContent || '')))!;

/** Types into an input or textarea the way a browser reports it. */
export function type(target: HTMLInputElement | HTMLTextAreaElement, text: string) {
  target.value = text;
  target.dispatchEvent(new Event('input', { bubbles: true }));
}

export function choose(target: HTMLSelectElement, value: string) {
  target.value = value;
  target.dispatchEvent(new Event('change', { bubbles: true }));
}

export const press = (target: Element, key: string, init: KeyboardEventInit = {}) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
