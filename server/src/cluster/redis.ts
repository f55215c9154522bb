/**
 * Redis for a deployment of several instances (REDIS_URL): pub/sub between them and the counters
 * of the rate limits. Never a record: what Redis loses, the database still has (announcements) or
 * nobody needs (counters restart, typing fades). Every key and channel of one deployment starts
 * with its prefix, so two deployments on one Redis neither hear each other nor share allowances.
 */
import { Redis } from 'ioredis';
import type { EventRecord } from '../domain/types.ts';
import { receiveSignal, type Bus, type BusHandlers, type SignalBody } from './Bus.ts';

/** The prefix of a deployment's keys and channels: `sangdam:<deployment id>:`. */
export const redisPrefix = (deploymentId: string) => `sangdam:${deploymentId}:`;

/**
 * A connected client. Commands fail at once while Redis is away (no queue of stale increments);
 * the client reconnects on its own, and callers fall back meanwhile.
 */
export async function connectRedis(url: string, name: string, commandTimeoutMs = 2_000): Promise<Redis> {
  const client = new Redis(url, {
    connectionName: name,
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: commandTimeoutMs,
    connectTimeout: 5_000,
    retryStrategy: (attempt) => Math.min(100 * 2 ** attempt, 2_000),
  });
  client.on('error', () => undefined); // each failure surfaces where a command fails; reconnects are the client's
  try {
    await client.connect();
  } catch (error) {
    client.disconnect();
    throw new Error(`REDIS_URL: cannot reach Redis (${(error as Error).message})`);
  }
  return client;
}

/**
 * What an announcement says: who sent it, and the commit's events when they are well formed, else
 * the seq it names, else nothing (the feed then reads the log up to its newest). Instances of a
 * deployment trust each other: the events are checked for shape, not for truth.
 */
export function heardCommit(text: string): { from?: string; events?: EventRecord[]; seq?: number } {
  let heard: unknown;
  try {
    heard = JSON.parse(text);
  } catch {
    return {};
  }
  if (!heard || typeof heard !== 'object') return {};
  const { from, events, seq } = heard as Record<string, unknown>;
  return {
    ...(typeof from === 'string' ? { from } : {}),
    ...(Array.isArray(events) && events.length > 0 && events.every(wellFormed) ? { events: events as EventRecord[] } : {}),
    ...(isSeq(seq) ? { seq } : {}),
  };
}

const isSeq = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;

function wellFormed(value: unknown): boolean {
  if (!value || typeof value !== 'object') return false;
  const event = value as Record<string, unknown>;
  return (
    isSeq(event.seq) &&
    ['channelId', 'userId', 'chatId', 'type'].every((key) => typeof event[key] === 'string') &&
    typeof event.createdAt === 'number' &&
    !!event.payload &&
    typeof event.payload === 'object'
  );
}

/** A batch bigger than this is announced by its last seq only: the others read it from the log. */
const MAX_CARRIED_BYTES = 256 * 1024;

export interface RedisBusOptions {
  url: string;
  prefix: string;
  /** This instance, so that it skips what it said itself. */
  self: string;
  /** Told of a publish that failed (the others then find the commit in the log within a second). */
  onError(error: unknown): void;
}

/**
 * Pub/sub on two connections (a subscribed one can do nothing else). Each local commit's events
 * are published after COMMIT, as JSON; ioredis subscribes again after a reconnect and emits
 * `ready`, when the feed reads what the gap hid.
 */
export async function openRedisBus({ url, prefix, self, onError }: RedisBusOptions, handlers: BusHandlers): Promise<Bus> {
  const events = `${prefix}events`;
  const signals = `${prefix}signals`;
  const publisher = await connectRedis(url, 'sangdam-publish');
  let subscriber: Redis;
  try {
    subscriber = await connectRedis(url, 'sangdam-subscribe');
  } catch (error) {
    publisher.disconnect();
    throw error;
  }
  let warned = false;
  subscriber.on('message', (channel: string, text: string) => {
    try {
      if (channel === signals) return receiveSignal(text, self, handlers);
      if (channel !== events) return;
      const heard = heardCommit(text);
      if (heard.from === self) return;
      if (heard.events) handlers.committed(heard.events);
      else handlers.committed(undefined, heard.seq);
    } catch (error) {
      // Nothing said on the bus may take an instance down; the log still has every commit.
      if (!warned) onError(error);
      warned = true;
    }
  });
  // ioredis says `ready` before it subscribes again; a subscribe queued behind its own resolves
  // once the subscription holds, and only then is the log read for what the gap hid.
  subscriber.on('ready', () => void subscriber.subscribe(events, signals).then(() => handlers.connected(), onError));
  try {
    await subscriber.subscribe(events, signals);
  } catch (error) {
    subscriber.disconnect();
    publisher.disconnect();
    throw error;
  }
  handlers.connected(); // what was committed before the subscription held

  const publish = (channel: string, text: string) => void publisher.publish(channel, text).catch(onError);
  const signal = (body: SignalBody) => publish(signals, JSON.stringify({ from: self, ...body }));
  return {
    announce(batch) {
      if (batch.length === 0) return;
      const text = JSON.stringify({ from: self, events: batch });
      publish(events, Buffer.byteLength(text) <= MAX_CARRIED_BYTES ? text : JSON.stringify({ from: self, seq: batch[batch.length - 1].seq }));
    },
    typing: (typing) => signal({ typing }),
    sessionEnded: (kind, tokenHash) => signal({ ended: { kind, tokenHash } }),
    async close() {
      subscriber.disconnect();
      await publisher.quit().catch(() => publisher.disconnect());
    },
  };
}
