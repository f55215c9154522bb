/**
 * Assembles the server: store, demo channel, HTTP routes and the realtime endpoint on one port.
 * Used by main.ts and by the tests (port 0 picks a free port).
 */
import Fastify, { type FastifyRequest } from 'fastify';
import type { AddressInfo } from 'node:net';
import type { ServerConfig } from './config.ts';
import { ensureDemoChannel } from './domain/channels.ts';
import { csatLinkRoutes } from './http/csatLinkRoutes.ts';
import { clientErrorHandler, frameworkErrors, installErrorHandling, installJsonParser } from './http/errors.ts';
import { managerRoutes } from './http/managerRoutes.ts';
import { redactUrl } from './http/redactUrl.ts';
import { staticRoutes } from './http/staticRoutes.ts';
import { widgetRoutes } from './http/widgetRoutes.ts';
import { installLimits, limitServerOptions } from './limits/installLimits.ts';
import { EventHub } from './realtime/EventHub.ts';
import { PollWaiters } from './realtime/PollWaiters.ts';
import { attachRealtime } from './realtime/realtimeServer.ts';
import { SqliteStore } from './store/sqlite/SqliteStore.ts';

export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:8080 */
  url: string;
  port: number;
  /** The demo channel's plugin key. */
  pluginKey: string;
  /** Whether the demo channel requires memberHash with memberId. */
  verifiesMembers: boolean;
  /** Every HTTP route, as registered (method and URL pattern): what the security tests walk. */
  routes: readonly { method: string; url: string }[];
  close(): Promise<void>;
}

/**
 * @example const server = await createServer({ ...config, port: 0 }); await server.close();
 */
export async function createServer(config: ServerConfig): Promise<RunningServer> {
  const store = SqliteStore.open(config.dataDir, config.clock);
  try {
    const demo = await ensureDemoChannel(store, {
      pluginKey: config.pluginKey,
      memberSecret: config.memberSecret,
      allowedOrigins: config.allowedOrigins,
    });
    const hub = new EventHub();
    const stopPublishing = store.onCommit((events) => hub.publish(events));
    const pollTimeoutMs = config.pollTimeoutMs ?? 25_000;
    const polls = new PollWaiters(hub, pollTimeoutMs);
    const app = Fastify({
      logger: {
        level: config.logLevel ?? 'warn',
        ...(config.logStream ? { stream: config.logStream } : {}),
        serializers: { req: logRequest },
      },
      forceCloseConnections: true,
      frameworkErrors,
      clientErrorHandler,
      ...limitServerOptions(config, pollTimeoutMs),
    });
    const routes: { method: string; url: string }[] = [];
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) routes.push({ method, url: route.url });
    });
    const limits = await installLimits(app, config);
    installJsonParser(app);
    installErrorHandling(app);
    app.addHook('onSend', async (_request, reply) => {
      reply.header('X-Content-Type-Options', 'nosniff');
    });
    await app.register(widgetRoutes(store, polls, limits.limiter), { prefix: '/api/widget/:pluginKey' });
    await app.register(managerRoutes(store, config.managerToken, demo.id, config.publicUrl, limits.backoff), { prefix: '/api/manager' });
    await app.register(csatLinkRoutes(store, limits.limiter));
    const pluginKey = () => demo.pluginKey;
    await app.register(staticRoutes({ distDir: config.distDir, examplesDir: config.examplesDir, pluginKey }));
    const realtime = attachRealtime(app.server, {
      store,
      hub,
      managerToken: config.managerToken,
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
    const { port } = app.server.address() as AddressInfo;
    return {
      url: `http://${urlHost(config.host)}:${port}`,
      port,
      pluginKey: demo.pluginKey,
      verifiesMembers: demo.memberSecret !== null,
      routes,
      async close() {
        polls.close(); // waiting polls answer now, instead of holding the close for their time limit
        await realtime.close();
        await app.close();
        stopPublishing();
        await store.close();
      },
    };
  } catch (error) {
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
