/**
 * Starting a real server on a free port with a fresh store, and talking to it. The store is SQLite
 * in a fresh directory, or with TEST_STORE=pg a fresh PostgreSQL database on TEST_DATABASE_URL,
 * named in that directory so that a server started again on it finds the same data.
 */
import { afterAll, beforeAll } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { createServer, type RunningServer } from '../src/app.ts';
import type { ServerConfig } from '../src/config.ts';

export const MANAGER_TOKEN = 'manager-token-for-tests-0123456789';

export interface TestServer extends RunningServer {
  dataDir: string;
}

export const tempDir = (prefix = 'sangdam-test-') => mkdtemp(join(tmpdir(), prefix));

/** Whether the server tests run on PostgreSQL (the server-pg project of vitest.config.ts). */
export const ON_POSTGRES = process.env.TEST_STORE === 'pg';
const PG_DATABASE_FILE = 'test-database.json';

/** The test database of a data directory, made on first use. */
export async function postgresOf(dataDir: string): Promise<{ url: string }> {
  try {
    return JSON.parse(await readFile(join(dataDir, PG_DATABASE_FILE), 'utf8'));
  } catch {
    const { freshDatabase } = await import('./pg/pgDatabase.ts');
    const { url, name } = await freshDatabase();
    await writeFile(join(dataDir, PG_DATABASE_FILE), JSON.stringify({ url, name }));
    return { url };
  }
}

/** Removes a test's data: the directory, and on PostgreSQL its database. */
export async function removeDir(dir: string): Promise<void> {
  if (ON_POSTGRES) {
    const named = await readFile(join(dir, PG_DATABASE_FILE), 'utf8').then((text) => JSON.parse(text) as { name: string }, () => null);
    if (named) await (await import('./pg/pgDatabase.ts')).dropDatabase(named.name);
  }
  await rm(dir, { recursive: true, force: true });
}

/**
 * A server on port 0; pass `dataDir` to reopen an existing database. Rate limits are off unless
 * `rateLimits` is given: tests act faster than any person, which is what the limits refuse.
 */
export async function startServer(options: Partial<ServerConfig> = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? (await tempDir());
  const server = await createServer({
    port: 0,
    host: '127.0.0.1',
    managerToken: MANAGER_TOKEN,
    distDir: join(dataDir, 'no-dist'),
    examplesDir: join(dataDir, 'no-examples'),
    logLevel: 'silent',
    rateLimits: 'off',
    ...(ON_POSTGRES && !options.postgres ? { postgres: await postgresOf(dataDir) } : {}),
    // On PostgreSQL the suite runs as a cluster would: the Redis bus and counters, when there is a Redis.
    ...(ON_POSTGRES && process.env.TEST_REDIS_URL ? { redis: { url: process.env.TEST_REDIS_URL }, bus: 'redis' as const } : {}),
    ...options,
    dataDir,
  });
  return { ...server, dataDir };
}

/**
 * The server of one test file: started before its tests, closed and its data removed after.
 * `api` calls its Manager API with MANAGER_TOKEN.
 */
export function serverForFile(options: Partial<ServerConfig> = {}) {
  const file = {} as { server: TestServer; api: ReturnType<typeof manager> };
  beforeAll(async () => {
    file.server = await startServer(options);
    file.api = manager(file.server);
  });
  afterAll(async () => {
    await file.server.close();
    await removeDir(file.server.dataDir);
  });
  return file;
}

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

interface CallOptions {
  token?: string;
  body?: unknown;
  /** Sent as is, with content-type application/json. */
  rawBody?: string;
  headers?: Record<string, string>;
}

export async function call<T = any>(url: string, method: string, options: CallOptions = {}): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers['content-type'] ??= 'application/json';
  const response = await fetch(url, { method, headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: parsed as T, headers: response.headers };
}

/** Calls on one server's widget API, with its demo plugin key unless another is given. */
export const widget = (server: RunningServer, pluginKey = server.pluginKey) =>
  (method: string, path: string, options?: CallOptions) =>
    call(`${server.url}/api/widget/${pluginKey}${path}`, method, options);

export const manager = (server: RunningServer) =>
  (method: string, path: string, options: CallOptions = {}) =>
    call(`${server.url}/api/manager${path}`, method, { token: MANAGER_TOKEN, ...options });

/** Boots an anonymous visitor and returns its token and user. */
export async function bootVisitor(server: RunningServer) {
  const reply = await widget(server)('POST', '/boot', { body: { language: 'en' } });
  if (reply.status !== 200) throw new Error(`boot failed: ${JSON.stringify(reply.body)}`);
  return reply.body as { token: string; user: { id: string }; cursor: number };
}

/**
 * The event cursor past everything the customer has seen so far, as a poll answers it (a message's
 * seq orders it within its chat only, so it is no cursor). The customer must have an event.
 */
export async function eventCursor(server: RunningServer, token: string): Promise<number> {
  const polled = await widget(server)('GET', '/realtime?since=0', { token });
  if (polled.status !== 200 || polled.body.events.length === 0) throw new Error(`no event to take a cursor from: ${JSON.stringify(polled.body)}`);
  return polled.body.cursor as number;
}

/** A visitor with one chat holding one message, and the event cursor right after its creation. */
export async function visitorWithChat(server: RunningServer) {
  const visitor = await bootVisitor(server);
  const created = await widget(server)('POST', '/chats', {
    token: visitor.token,
    body: { clientId: clientId(), message: { text: 'Hello', clientId: clientId('m') } },
  });
  const cursor = await eventCursor(server, visitor.token);
  return { token: visitor.token, userId: visitor.user.id, chatId: created.body.chat.id as string, cursor };
}

let counter = 0;
export const clientId = (label = 'c') => `${label}-${Date.now().toString(36)}-${++counter}`;

/** A WebSocket client that queues every frame it receives, to be read in order. */
export class Socket {
  private readonly frames: any[] = [];
  private waiting: ((frame: any) => void) | null = null;
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString());
      if (this.waiting) {
        const resolve = this.waiting;
        this.waiting = null;
        resolve(frame);
      } else this.frames.push(frame);
    });
    this.closed = new Promise((resolve) =>
      ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
  }

  static open(server: RunningServer, headers: Record<string, string> = {}): Promise<Socket> {
    const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/api/realtime`, { headers });
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new Socket(ws)));
      ws.once('error', reject);
    });
  }

  send(frame: unknown): void {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** The next frame, waiting up to `timeoutMs` for it. */
  next(timeoutMs = 5000): Promise<any> {
    const queued = this.frames.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting = null;
        reject(new Error(`no frame within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting = (frame) => {
        clearTimeout(timer);
        resolve(frame);
      };
    });
  }

  /** Says hello and returns the replayed events and the ready frame's cursor. */
  async hello(hello: Record<string, unknown>): Promise<{ events: any[]; cursor: number }> {
    this.send({ type: 'hello', ...hello });
    const events: any[] = [];
    for (;;) {
      const frame = await this.next();
      if (frame.type === 'ready') return { events, cursor: frame.cursor };
      if (frame.type !== 'event') throw new Error(`unexpected frame ${JSON.stringify(frame)}`);
      events.push(frame.event);
    }
  }

  /** Resolves when no frame arrives for `ms`; fails with the frame otherwise. */
  async silence(ms = 300): Promise<void> {
    const frame = await this.next(ms).catch(() => undefined);
    if (frame !== undefined) throw new Error(`unexpected frame ${JSON.stringify(frame)}`);
  }

  close(): void {
    this.ws.close();
  }
}
