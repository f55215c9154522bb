/**
 * Assembles the server: store, demo channel, HTTP routes and the realtime endpoint on one port.
 * Used by main.ts and by the tests (port 0 picks a free port).
 */
import Fastify, { type FastifyRequest } from 'fastify';
import type { AddressInfo } from 'node:net';
import { joinCluster } from './cluster/joinCluster.ts';
import { checkManagerToken, type ServerConfig } from './config.ts';
import { ensureDemoChannel } from './domain/channels.ts';
import { fixedCredential, storedCredential } from './domain/managerToken.ts';
import { DEFAULT_SESSION_IDLE, schedulePurge } from './domain/sessions.ts';
import { ensureFirstOwner, identifyCaller, schedulePurgeSignIns } from './domain/team.ts';
import { csatLinkRoutes } from './http/csatLinkRoutes.ts';
import { clientErrorHandler, frameworkErrors, installErrorHandling, installJsonParser } from './http/errors.ts';
import { managerRoutes } from './http/managerRoutes.ts';
import { redactUrl } from './http/redactUrl.ts';
import { staticRoutes } from './http/staticRoutes.ts';
import { widgetRoutes } from './http/widgetRoutes.ts';
import { createLimits, limitServerOptions } from './limits/installLimits.ts';
import { EventFeed, storeLog } from './realtime/EventFeed.ts';
import { EventHub } from './realtime/EventHub.ts';
import { PollWaiters } from './realtime/PollWaiters.ts';
import { attachRealtime } from './realtime/realtimeServer.ts';
import { SessionSockets } from './realtime/SessionSockets.ts';
import { openStore } from './store/openStore.ts';

export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:8080 */
  url: string;
  port: number;
  /** The demo channel's plugin key. */
  pluginKey: string;
  /** Whether the demo channel requires memberHash with memberId. */
  verifiesMembers: boolean;
  /** The manager token made at this start (none was set or stored); shown once, only its hash is kept. */
  generatedManagerToken?: string;
  /** Every HTTP route, as registered (method and URL pattern): what the security tests walk. */
  routes: readonly { method: string; url: string }[];
  close(): Promise<void>;
}

/**
 * @example const server = await createServer({ ...config, port: 0 }); await server.close();
 */
export async function createServer(config: ServerConfig): Promise<RunningServer> {
  checkManagerToken(config.managerToken);
  const opened = await openStore(config);
  const { store } = opened;
  const stops: (() => void)[] = [];
  const leaving: (() => Promise<void>)[] = [];
  try {
    // Instances starting together take turns: one makes the token, the owner and the demo channel.
    const { manager, demo } = await opened.underStartLock(async () => {
      const manager = config.managerToken ? fixedCredential(config.managerToken) : await storedCredential(store);
      stops.push(() => manager.close());
      await ensureFirstOwner(store, config.owner);
      const demo = await ensureDemoChannel(store, {
        pluginKey: config.pluginKey,
        memberSecret: config.memberSecret,
        allowedOrigins: config.allowedOrigins,
        language: config.channelLanguage,
      });
      return { manager, demo };
    });
    const identify = (token: string) => identifyCaller(store, manager, token);
    const managerSockets = new SessionSockets();
    const sessions = {
      idle: {
        visitorMs: config.visitorSessionMs ?? DEFAULT_SESSION_IDLE.visitorMs,
        memberMs: config.memberSessionMs ?? DEFAULT_SESSION_IDLE.memberMs,
      },
      sockets: new SessionSockets(),
    };
    const hub = new EventHub();
    // The feed hands the hub every committed event once, in seq order. On SQLite one process
    // announces its commits in order and the feed passes them on; on PostgreSQL it also takes
    // what other instances announce on the bus, reads the log when an announcement lacks the
    // events, when the bus reconnects, and every second, so an event no announcement brought
    // still arrives.
    const feed = new EventFeed(storeLog(store), (events) => hub.publish(events), {
      after: await store.transaction((tx) => tx.latestSeq()),
      idleMs: opened.idleReadMs,
      onError: (error) => app.log.error({ err: error }, 'reading the event log failed'),
    });
    const pollTimeoutMs = config.pollTimeoutMs ?? 25_000;
    const polls = new PollWaiters(hub, pollTimeoutMs);
    const app = Fastify({
      logger: {
        level: config.logLevel ?? 'warn',
        ...(config.logStream ? { stream: config.logStream } : {}),
        serializers: { req: logRequest },
      },
      // A stop closes idle connections at once and lets requests being answered finish (see close).
      forceCloseConnections: 'idle',

      frameworkErrors,
      clientErrorHandler,
      ...limitServerOptions(config, pollTimeoutMs),
    });
    const cluster = await joinCluster(config, opened, { error: (what, error) => app.log.error({ err: error }, what) });
    leaving.push(() => cluster.close());
    const bus = await cluster.openBus({
      committed: (events, seq) => (events ? feed.offer(events) : void feed.catchUp(seq)),
      connected: () => void feed.catchUp(),
      typing: (typing) => hub.typingHere(typing),
      sessionEnded: (kind, tokenHash) => (kind === 'manager' ? managerSockets : sessions.sockets).closeHere(tokenHash),
    });
    leaving.unshift(() => bus.close());
    hub.relay = (typing) => bus.typing(typing);
    managerSockets.relay = (tokenHash) => bus.sessionEnded('manager', tokenHash);
    sessions.sockets.relay = (tokenHash) => bus.sessionEnded('customer', tokenHash);
    const stopPublishing = store.onCommit((events) => {
      feed.offer(events);
      bus.announce(events);
    });
    /** Whether a load balancer may send this instance work: once it listens, until it stops. */
    let state: 'starting' | 'ready' | 'draining' = 'starting';
    const routes: { method: string; url: string }[] = [];
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) routes.push({ method, url: route.url });
    });
    const limits = createLimits(config, cluster.counters);
    installJsonParser(app);
    installErrorHandling(app);
    app.addHook('onSend', async (_request, reply) => {
      reply.header('X-Content-Type-Options', 'nosniff');
      // How long the server worked on the answer, for a browser's network panel and the bench.
      reply.header('Server-Timing', `app;dur=${reply.elapsedTime.toFixed(1)}`);
      // While stopping, a connection ends with its answer instead of waiting idle to be cut.
      if (state === 'draining') reply.header('Connection', 'close');
    });
    await app.register(widgetRoutes(store, polls, limits.limiter, sessions), { prefix: '/api/widget/:pluginKey' });
    await app.register(managerRoutes(store, manager, demo.id, { publicUrl: config.publicUrl, backoff: limits.backoff, managerSockets }), {
      prefix: '/api/manager',
    });
    await app.register(csatLinkRoutes(store, limits.limiter));
    const pluginKey = () => demo.pluginKey;
    await app.register(staticRoutes({ distDir: config.distDir, examplesDir: config.examplesDir, pluginKey }));
    app.get('/readyz', async (_request, reply) => {
      if (state === 'ready') return { ok: true };
      const why = state === 'draining' ? 'the instance is stopping' : 'the instance is starting';
      return reply.code(503).header('Retry-After', '1').send({ error: { code: 'not_ready', message: `readyz: ${why}` } });
    });
    const realtime = attachRealtime(app.server, {
      store,
      hub,
      identify,
      managerSockets,
      sessionIdle: sessions.idle,
      sessionSockets: sessions.sockets,
      limits,
      helloTimeoutMs: config.helloTimeoutMs ?? 10_000,
      heartbeatMs: config.heartbeatMs ?? 30_000,
    });
    try {
      await app.listen({ port: config.port, host: config.host });
    } catch (error) {
      polls.close();
      await realtime.close();
      await app.close();
      throw error;
    }
    stops.push(schedulePurge(store, sessions.idle));
    stops.push(schedulePurgeSignIns(store));
    if (opened.idleReadMs) stops.push(feed.start());
    state = 'ready';
    const { port } = app.server.address() as AddressInfo;
    let closed: Promise<void> = Promise.resolve();
    return {
      url: `http://${urlHost(config.host)}:${port}`,
      port,
      pluginKey: demo.pluginKey,
      verifiesMembers: demo.memberSecret !== null,
      generatedManagerToken: manager.generated,
      routes,
      /**
       * Drains: /readyz turns 503, waiting polls answer now, sockets are told to reconnect
       * elsewhere (1001), no new connection is taken, and requests being answered finish (cut
       * after drainMs); then the store finishes its queued units of work and closes.
       */
      async close() {
        if (state === 'draining') return closed;
        state = 'draining';
        stops.forEach((stop) => stop());
        polls.close();
        closed = (async () => {
          await realtime.close();
          const cut = setTimeout(() => app.server.closeAllConnections(), config.drainMs ?? 10_000);
          try {
            await app.close();
          } finally {
            clearTimeout(cut);
          }
          stopPublishing();
          // The bus and Redis go before the store: a LISTEN bus stops on the store's connection.
          try {
            for (const leave of leaving) await leave();
          } finally {
            await store.close();
          }
        })();
        return closed;
      },
    };
  } catch (error) {
    stops.forEach((stop) => stop());
    for (const leave of leaving) await leave().catch(() => undefined);
    await store.close();
    throw error;
  }
}

/** A request as the log shows it: no secret of its URL (see redactUrl), no header. */
function logRequest(request: FastifyRequest) {
  return { method: request.method, url: redactUrl(request.url), host: request.host, remoteAddress: request.ip };
}

/** A wildcard bind address is not something to open in a browser. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}
