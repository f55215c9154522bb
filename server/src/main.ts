/**
 * Starts the server from the environment:
 *   node --import tsx server/src/main.ts
 * Prints where it listens and the credentials a site owner needs; stops cleanly on SIGINT/SIGTERM.
 */
import { createServer } from './app.ts';
import { ConfigError, loadConfig, type ServerConfig } from './config.ts';
import { DataDirInUseError } from './store/sqlite/lockDataDir.ts';

async function main(): Promise<void> {
  const { config } = loadConfig(process.env);
  const server = await createServer(config);
  console.log(
    [
      `Sangdam server listening on ${server.url}`,
      `  demo shop      ${server.url}/`,
      `  console        ${server.url}/console`,
      `  plugin key     ${server.pluginKey}`,
      `  manager token  ${managerTokenLine(config, server.generatedManagerToken)}`,
      `  memberHash     ${server.verifiesMembers ? 'required with memberId' : 'not checked (set MEMBER_SECRET to require it)'}`,
      config.postgres ? `  store          ${postgresLine(config)}` : `  data           ${config.dataDir}`,
      `  public URL     ${config.publicUrl ?? 'taken from each request (set PUBLIC_URL behind a proxy)'}`,
      `  rate limits    ${limitsLine(config)}`,
    ].join('\n'),
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(1); // a second signal means "now"
    stopping = true;
    console.log(`${signal}: closing…`);
    server.close().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

/** The token itself only when generated now: printed this once, never again (only its hash is stored). */
function managerTokenLine(config: ServerConfig, generated: string | undefined): string {
  if (generated) return `${generated}  (generated and shown only now: keep it; only its hash is stored)`;
  if (config.managerToken) return 'from MANAGER_TOKEN';
  return 'the stored one (npm run rotate-manager-token prints a new one)';
}

/** Where the PostgreSQL store is, without its password, and what the instances share. */
function postgresLine(config: ServerConfig): string {
  const url = new URL(config.postgres!.url);
  const bus = { redis: 'Redis pub/sub', postgres: 'LISTEN/NOTIFY', none: 'nothing (BUS=none: the log read every second)' }[config.bus ?? 'postgres'];
  const counters = config.redis ? `limits counted in Redis ${new URL(config.redis.url).host}` : 'limits counted per instance';
  return `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}; instances told of commits by ${bus}; ${counters}`;
}

/** Whether the limits are on, and whose address they count. */
function limitsLine(config: ServerConfig): string {
  if (config.rateLimits === 'off') return 'OFF (RATE_LIMITS=off): nothing is limited';
  const which = config.rateLimits ? 'on, RATE_LIMITS over the defaults' : 'on, the defaults';
  const by = config.trustProxy ? `X-Forwarded-For from ${config.trustProxy.join(', ')}` : 'socket address (set TRUST_PROXY behind a proxy)';
  return `${which}; per client ${by}`;
}

main().catch((error) => {
  if (error instanceof ConfigError || error instanceof DataDirInUseError) console.error(error.message);
  else if (error?.code === 'EADDRINUSE') console.error(`PORT: ${error.port} is already in use; set PORT to another port`);
  else console.error(error);
  process.exit(1);
});
