/**
 * One socket's life: wait for hello, authorise, replay every stored event after `since`, say
 * ready, then stream live events. The hub subscription starts before the backlog is read and
 * live events are held until the replay is sent, so nothing falls in the gap; held events at or
 * below the replay's horizon were already replayed and are dropped, so nothing is sent twice.
 */
import WebSocket from 'ws';
import { TYPING, type ServerFrame } from '../../../src/shared/types.ts';
import { isOriginAllowed } from '../domain/channels.ts';
import type { IdentifyCaller } from '../http/auth.ts';
import { DomainError } from '../domain/errors.ts';
import type { ServerLimits } from '../limits/installLimits.ts';
import { digestOf } from '../limits/rateLimiter.ts';
import { retrySeconds } from '../limits/rateLimited.ts';
import type { EventRecord } from '../domain/types.ts';
import { authenticate } from '../domain/users.ts';
import type { SessionIdle } from '../domain/sessions.ts';
import type { Store } from '../store/Store.ts';
import type { SessionSockets } from './SessionSockets.ts';
import { horizonOf, readEvents, type Audience } from './audience.ts';
import type { EventHub, Typing } from './EventHub.ts';
import type { Caller } from '../domain/team.ts';
import { eventFrame } from './eventFrames.ts';
import { parseFrame, readHello, type Hello } from './frames.ts';

export interface ConnectionDeps {
  store: Store;
  /** How long customer sessions may sit unused. */
  sessionIdle: SessionIdle;
  /** Where customer sockets register, so ending their session closes them. */
  sessionSockets: SessionSockets;
  hub: EventHub;
  /** Who a manager's token speaks for (MANAGER_TOKEN, a sign-in or an API token). */
  identify: IdentifyCaller;
  /** Where manager sockets register, so ending a sign-in or revoking a token closes them. */
  managerSockets: SessionSockets;
  limits: Pick<ServerLimits, 'backoff' | 'sockets' | 'addressOf'>;
  helloTimeoutMs: number;
}

/** Typing frames one socket may have passed on per TYPING.everyMs: a manager with a few chats open. */
const TYPING_BUDGET = 5;

/** The close code of a socket refused for "too many": attempts (a waiting address) or open sockets. */
export const TOO_MANY = 4429;

const REPLAY_PAGE = 500;
/** A client this far behind is cut off; it resumes from its cursor when it reconnects. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

export class RealtimeConnection {
  private state: 'waiting' | 'replaying' | 'live' | 'closed' = 'waiting';
  private readonly held: EventRecord[] = [];
  private horizon = 0;
  private lastSent = 0;
  private audience: Audience | null = null;
  private unsubscribe: (() => void) | null = null;
  private unregister: (() => void) | null = null;
  private readonly helloTimer: NodeJS.Timeout;
  /** The place this socket holds among its owner's open sockets, given back at close. */
  private place: { kind: 'visitor' | 'manager'; owner: string } | null = null;
  /** When this socket last passed on typing, per chat, oldest first. */
  private readonly typedAt = new Map<string, number>();
  /** Typing frames passed on in the current window. */
  private typingWindow = { start: 0, count: 0 };
  /** Who a manager's socket speaks for. */
  private caller: Caller | null = null;

  constructor(
    private readonly ws: WebSocket,
    private readonly deps: ConnectionDeps,
    private readonly origin: string | undefined,
    /** The client's address, as the limits key it. */
    private readonly address: string,
  ) {
    this.helloTimer = setTimeout(
      () => this.refuse('hello_timeout', `hello: not received within ${deps.helloTimeoutMs} ms`, 4408),
      deps.helloTimeoutMs,
    );
    ws.on('message', (data) => this.receive(data.toString()));
    ws.on('close', () => this.dispose());
    ws.on('error', () => this.dispose()); // ws closes the socket itself; this only stops the work
  }

  private receive(raw: string): void {
    const frame = parseFrame(raw);
    if (this.state === 'waiting') {
      const hello = frame.ok ? readHello(frame.value) : frame;
      if (!hello.ok) return this.refuse('bad_frame', hello.message, 4400);
      clearTimeout(this.helloTimer);
      this.state = 'replaying';
      this.start(hello.value).catch((error) => {
        console.error('realtime replay failed', error);
        this.ws.close(1011, 'server error');
      });
      return;
    }
    if (frame.ok && frame.value.type === 'ping') return this.send({ type: 'pong' });
    if (frame.ok && frame.value.type === 'typing') {
      const { chatId } = frame.value;
      if (typeof chatId === 'string' && chatId.length <= 64) return void this.typing(chatId).catch(() => undefined);
      return this.send({ type: 'error', code: 'bad_frame', message: 'typing: needs the chatId of a chat' });
    }
    const message = frame.ok ? 'type: only "ping" or "typing" is expected after hello' : frame.message;
    this.send({ type: 'error', code: 'bad_frame', message });
  }

  private async start(hello: Hello): Promise<void> {
    const audience = await this.authorize(hello);
    if (!audience || this.closed || !this.takePlace(hello, audience)) return;
    this.audience = audience;
    const { hub, store } = this.deps;
    const onLive = (event: EventRecord) => this.onLive(event);
    const onTyping = (typing: Typing) => this.state === 'live' && this.send({ type: 'typing', chatId: typing.chatId, author: typing.author, ...(typing.name ? { name: typing.name } : {}) });
    const stops =
      audience.kind === 'customer'
        ? [hub.subscribeUser(audience.userId, onLive), hub.subscribeTypingOfUser(audience.userId, onTyping)]
        : [hub.subscribeAll(onLive), hub.subscribeTypingForManagers(onTyping)];
    this.unsubscribe = () => stops.forEach((stop) => stop());
    this.horizon = await store.transaction((tx) => horizonOf(tx, audience));
    await this.replay(hello.since);
    if (this.closed) return;
    this.send({ type: 'ready', cursor: this.horizon });
    this.state = 'live';
    for (const event of this.held.splice(0)) this.onLive(event);
  }

  private async authorize(hello: Hello): Promise<Audience | null> {
    if (hello.kind === 'manager') {
      const { managerToken } = hello;
      const { passed, waitMs } = await this.deps.limits.backoff.attempt(this.address, async () => (this.caller = await this.deps.identify(managerToken)) !== null);
      if (passed) {
        if (this.closed) return null;
        this.unregister = this.deps.managerSockets.add(managerToken, () =>
          this.refuse('unauthorized', 'managerToken: the sign-in was ended or the token revoked', 4401),
        );
        return { kind: 'manager' };
      }
      if (waitMs) {
        this.refuse('rate_limited', `managerToken: too many failed attempts from this address; retry in ${retrySeconds(waitMs)} s`, TOO_MANY);
      } else this.refuse('unauthorized', 'managerToken: not valid', 4401);
      return null;
    }
    try {
      const user = await authenticate(this.deps.store, hello.token, this.deps.sessionIdle);
      const channel = await this.deps.store.transaction((tx) => tx.getChannel(user.channelId));
      if (channel && this.origin !== undefined && !isOriginAllowed(channel, this.origin)) {
        this.refuse('origin_not_allowed', `origin: ${this.origin} is not allowed to use this channel`, 4403);
        return null;
      }
      if (this.closed) return null;
      this.unregister = this.deps.sessionSockets.add(hello.token, () =>
        this.refuse('unauthorized', 'token: the session was ended; call boot again', 4401),
      );
      return { kind: 'customer', userId: user.id, channelId: user.channelId };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.refuse('unauthorized', error.message, 4401);
      return null;
    }
  }

  /** Counts this socket among its owner's; refuses it when they have as many open as allowed. */
  private takePlace(hello: Hello, audience: Audience): boolean {
    const kind = audience.kind === 'manager' ? 'manager' : 'visitor';
    // A manager's credential, not the address: one team behind one office address has many consoles.
    const owner = audience.kind === 'customer' ? audience.userId : hello.kind === 'manager' ? digestOf(hello.managerToken) : '';
    const { sockets } = this.deps.limits;
    if (!sockets.take(kind, owner)) {
      const whose = kind === 'visitor' ? 'per visitor' : 'per manager credential';
      this.refuse('too_many_sockets', `sockets: at most ${sockets.max(kind)} open ${whose}; close another first`, TOO_MANY);
      return false;
    }
    this.place = { kind, owner };
    return true;
  }

  /** Sends stored events in (since, horizon], a page at a time, in seq order. */
  private async replay(since: number): Promise<void> {
    const audience = this.audience!;
    for (let after = since; !this.closed; ) {
      const events = await this.deps.store.transaction((tx) => readEvents(tx, audience, after, this.horizon, REPLAY_PAGE));
      for (const event of events) this.sendEvent(event);
      if (events.length < REPLAY_PAGE) return;
      after = events[events.length - 1].seq;
    }
  }

  /**
   * Passes "writing in this chat" on to the other side, at most once per TYPING.everyMs / 2 per
   * chat and TYPING_BUDGET frames per TYPING.everyMs from this socket (the rest are dropped, so no
   * socket can keep the store busy with them); a customer's only for their own chats, and unknown
   * chats not at all.
   */
  private async typing(chatId: string): Promise<void> {
    const audience = this.audience;
    const now = Date.now();
    if (!audience || this.state !== 'live' || now - (this.typedAt.get(chatId) ?? 0) < TYPING.everyMs / 2) return;
    if (now - this.typingWindow.start >= TYPING.everyMs) this.typingWindow = { start: now, count: 0 };
    if (++this.typingWindow.count > TYPING_BUDGET) return;
    // Kept small: the chats this socket typed in lately, oldest forgotten first.
    if (this.typedAt.size >= 32) this.typedAt.delete(this.typedAt.keys().next().value!);
    this.typedAt.delete(chatId);
    this.typedAt.set(chatId, now);
    const detail = await this.deps.store.transaction((tx) => tx.getChatDetail(chatId));
    if (!detail || (audience.kind === 'customer' && detail.chat.userId !== audience.userId)) return;
    const name = audience.kind === 'manager' ? this.caller?.manager?.name : undefined;
    this.deps.hub.typing({ chatId, userId: detail.chat.userId, author: audience.kind === 'customer' ? 'customer' : 'manager', ...(name ? { name } : {}) });
  }

  private onLive(event: EventRecord): void {
    if (this.state === 'replaying') this.held.push(event);
    else if (this.state === 'live' && event.seq > this.horizon) this.sendEvent(event);
  }

  private sendEvent(event: EventRecord): void {
    if (event.seq <= this.lastSent) return;
    this.lastSent = event.seq;
    this.write(eventFrame(event, this.audience?.kind === 'manager' ? 'manager' : 'customer'));
  }

  private send(frame: ServerFrame): void {
    this.write(JSON.stringify(frame));
  }

  private write(json: string): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    if (this.ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.ws.terminate();
      return;
    }
    this.ws.send(json);
  }

  private refuse(code: string, message: string, closeCode: number): void {
    this.send({ type: 'error', code, message });
    this.ws.close(closeCode, code);
    this.dispose();
  }

  /** A getter, because the state changes while `start` awaits and TypeScript cannot see that. */
  private get closed(): boolean {
    return this.state === 'closed';
  }

  private dispose(): void {
    this.state = 'closed';
    clearTimeout(this.helloTimer);
    if (this.place) this.deps.limits.sockets.release(this.place.kind, this.place.owner);
    this.place = null;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.unregister?.();
    this.unregister = null;
    this.held.length = 0;
  }
}
