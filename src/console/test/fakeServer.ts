import { vi } from 'vitest';
import type { Message } from '../../shared/types';
import type { ManagerChat } from '../../shared/managerApi';

type Reply = { status?: number; body?: unknown; headers?: Record<string, string> } | unknown;
type Handler = (body: unknown, url: URL) => Reply;

/** A Manager API stand-in: routes as `"GET /chats"` (query ignored) → a reply or a function. */
export function fakeFetch(routes: Record<string, Reply | Handler>) {
  return vi.fn(async (input: string, init: RequestInit = {}) => {
    const url = new URL(input, 'http://console.test');
    const key = `${init.method || 'GET'} ${url.pathname.replace('/api/manager', '')}`;
    const route = routes[key];
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    let reply: Reply = route === undefined ? { status: 404, body: { error: { code: 'not_found', message: `${key}: no such route` } } } : route;
    if (typeof reply === 'function') reply = (reply as Handler)(body, url);
    const full = reply && typeof reply === 'object' && ('status' in reply || 'body' in reply) ? (reply as { status?: number; body?: unknown; headers?: Record<string, string> }) : { body: reply };
    const status = full.status ?? 200;
    if (full.body instanceof Blob) return new Response(full.body, { status, headers: full.headers });
    return new Response(status === 204 ? null : JSON.stringify(full.body ?? {}), { status, headers: { 'content-type': 'application/json', ...full.headers } });
  });
}

/** The calls a fake fetch received, as `"METHOD /path?query"` with their JSON body and token. */
export const calls = (fetch: ReturnType<typeof fakeFetch>) =>
  fetch.mock.calls.map(([input, init = {}]) => ({
    route: `${init.method || 'GET'} ${String(input).replace('/api/manager', '')}`,
    body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    authorization: (init.headers as Record<string, string>).authorization,
  }));

/** A WebSocket stand-in the test drives: open it, push server frames, close it. */
export class FakeSocket {
  static instances: FakeSocket[] = [];
  static last = () => FakeSocket.instances[FakeSocket.instances.length - 1];
  readyState = 0;
  sent: unknown[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.instances.push(this);
  }
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  receive(frame: unknown) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
  drop(code = 1006) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
}

let clock = 1_700_000_000_000;

export function chat(id: string, extra: Partial<ManagerChat> = {}, profile: ManagerChat['profile'] = {}): ManagerChat {
  const at = (clock += 1000);
  return {
    id,
    state: 'opened',
    userId: `u-${id}`,
    assigneeId: null,
    user: { id: `u-${id}`, name: `Customer ${id}`, memberId: null, memberVerified: false },
    profile: { state: extra.state || 'opened', priority: 'medium', tags: [], ...profile },
    createdAt: at,
    updatedAt: at,
    lastMessage: null,
    ...extra,
  };
}

export function message(chatId: string, author: Message['author'], text: string, extra: Partial<Message> = {}): Message {
  const at = (clock += 1000);
  return { id: `m${at}`, chatId, author, text, createdAt: at, seq: at - 1_700_000_000_000, ...extra };
}
