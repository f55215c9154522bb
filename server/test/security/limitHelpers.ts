/** Talking to a test server from other loopback addresses, and over raw sockets. */
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { RunningServer } from '../../src/app.ts';
import type { Reply } from '../helpers.ts';

interface FromOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * A JSON call from the local address `from` (any of 127.0.0.0/8 reaches a server on 127.0.0.1):
 * the server sees another client address, as it would see another customer.
 */
export function callFrom<T = any>(from: string, url: string, method: string, options: FromOptions = {}): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  if (body !== undefined) headers['content-type'] = 'application/json';
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method, headers, localAddress: from, agent: false }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => {
        let parsed: unknown = text;
        try {
          parsed = text === '' ? undefined : JSON.parse(text);
        } catch {
          // not JSON: keep the text
        }
        const replyHeaders = new Headers();
        for (const [key, value] of Object.entries(response.headers)) if (typeof value === 'string') replyHeaders.set(key, value);
        resolve({ status: response.statusCode!, body: parsed as T, headers: replyHeaders });
      });
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** The widget API of the demo channel, called from `from`. */
export const widgetFrom = (server: RunningServer, from: string) => (method: string, path: string, options?: FromOptions) =>
  callFrom(from, `${server.url}/api/widget/${server.pluginKey}${path}`, method, options);

/** A raw TCP connection to the server, with what it received and when it closed. */
export interface RawClient {
  socket: Socket;
  received(): string;
  /** Resolves with the ms from connection to close. */
  closed: Promise<number>;
}

export function rawClient(server: RunningServer): Promise<RawClient> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(server.port, '127.0.0.1');
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => (text += chunk));
    const closed = new Promise<number>((done) => socket.on('close', () => done(Date.now() - started)));
    socket.once('connect', () => resolve({ socket, received: () => text, closed }));
    socket.once('error', reject);
  });
}

/** Writes `text` a character every `everyMs`, until the socket closes; returns the stop function. */
export function trickle(socket: Socket, text: string, everyMs: number): () => void {
  let at = 0;
  const timer = setInterval(() => {
    if (socket.destroyed || at >= text.length) return clearInterval(timer);
    socket.write(text[at++]);
  }, everyMs);
  return () => clearInterval(timer);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
