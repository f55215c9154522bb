import { vi } from 'vitest';
import type { BootResponse, Message, RealtimeEvent, WidgetChat } from '../../shared/types';
import type { CoreBridge, MessengerModule, ShowRequest } from '../contract';
import { createSdk, type Dispatch, type SdkDeps } from '../createSdk';

/** The boot answer of the fake server: a visitor with 2 unread messages in chat1. */
export const BOOT: BootResponse = {
  token: 'tok',
  profileFields: [
    { key: 'profile.orderId', type: 'String', names: { en: 'Order' }, order: 0, archived: false },
    { key: 'profile.giftWrap', type: 'Boolean', names: { en: 'Gift wrap' }, order: 1, archived: false },
    { key: 'profile.oldCode', type: 'String', names: { en: 'Old code' }, order: 2, archived: true },
  ],
  user: { id: 'u1', memberId: null, name: null, language: 'en', profile: {}, tags: [], unsubscribeEmail: false, unsubscribeTexting: false },
  channel: { id: 'c1', name: 'Shop', color: '#123456' },
  unread: { chat1: 2 },
  cursor: 7,
};

/** A WebSocket stand-in (stubbed at the global): the test plays the server's frames. */
export class FakeSocket {
  static open: FakeSocket[] = [];
  readyState = 0;
  onopen: (() => void) | null = null;
  onclose: (() => void) | null = null;
  onmessage: ((m: { data: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.open.push(this);
  }
  send() {}
  close() {
    FakeSocket.open = FakeSocket.open.filter((s) => s !== this);
  }
  /** The server has accepted the hello: the connection is up. */
  ready() {
    this.readyState = 1;
    this.onmessage?.({ data: JSON.stringify({ type: 'ready', cursor: BOOT.cursor }) });
  }
  /** A live event, as the server sends it. */
  event(event: RealtimeEvent) {
    this.onmessage?.({ data: JSON.stringify({ type: 'event', event }) });
  }
}

export const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A manager's reply in chat1, as the live event that carries it. */
export function managerReply(text: string, seq = 8): RealtimeEvent {
  const message: Message = { id: `m${seq}`, chatId: 'chat1', author: 'manager', authorName: 'Mina', text, createdAt: 1, seq };
  const chat: WidgetChat = { id: 'chat1', state: 'opened', userId: 'u1', profile: {}, createdAt: 1, updatedAt: 1, lastMessage: message, unread: 3 };
  return { seq, type: 'message', chat, message, unread: 3 };
}

/** A messenger chunk that renders nothing and records what the core asks of it. */
export function fakeMessenger() {
  const shown: (ShowRequest | undefined)[] = [];
  const state: { bridge?: CoreBridge } = {};
  const module: MessengerModule = {
    mount(bridge) {
      state.bridge = bridge;
      return { show: (request) => void shown.push(request), hide() {}, destroy() {} };
    },
  };
  return { module, shown, state };
}

/**
 * Stubs fetch (every `/boot` answers BOOT, the rest 204) and WebSocket at the global, and makes an
 * SDK whose chunks are the real ones (the messenger a fake). `vi.unstubAllGlobals` undoes it.
 */
export function startSdk(overrides: Partial<SdkDeps> = {}) {
  localStorage.clear();
  FakeSocket.open = [];
  vi.stubGlobal('WebSocket', FakeSocket);
  const fetchMock = vi.fn(async (url: string, _init?: RequestInit) => {
    if (String(url).endsWith('/boot')) return json(200, BOOT);
    if (String(url).endsWith('/chats')) return json(201, { chat: managerReply('', 1).chat });
    return json(200, { user: BOOT.user });
  });
  vi.stubGlobal('fetch', fetchMock);
  const messenger = fakeMessenger();
  const deps: SdkDeps = {
    apiBase: 'http://api.test',
    loadMessenger: async () => messenger.module,
    loadProfileTools: () => import('../../profile/index'),
    loadPopup: vi.fn(() => import('../../popup/index')),
    loadRealtime: () => import('../realtime'),
    newId: () => 'id' + Math.random(),
    ...overrides,
  };
  const sdk: Dispatch = createSdk(deps);
  /** The JSON body of the nth request whose URL ends with `path`. */
  const body = (path: string, nth = 0) => {
    const call = fetchMock.mock.calls.filter(([url]) => String(url).endsWith(path))[nth];
    return call && JSON.parse(String(call[1]!.body));
  };
  /** Boots and resolves with what the callback received. */
  const boot = (option: Record<string, unknown> = {}) =>
    new Promise<[Error | null, unknown]>((resolve) => sdk('boot', { pluginKey: 'key', trackDefaultEvent: false, ...option }, (e: Error | null, u: unknown) => resolve([e, u])));
  return { sdk, deps, fetchMock, messenger, body, boot };
}

/** Collects the SDK's console warnings (the text after the `[Sangdam]` prefix). */
export function watchWarnings() {
  const spy = vi.spyOn(console, 'warn').mockImplementation(() => {});
  return () => spy.mock.calls.map((call) => String(call[1]));
}
