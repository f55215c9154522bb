/**
 * RATE_LIMITS and TRUST_PROXY: what they accept, the errors that name the rule, and whose address
 * the limits count once a proxy is trusted (and that a client cannot choose its own).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { clientAddress, trustOf } from '../../src/limits/clientAddress.ts';
import { DEFAULT_LIMITS, resolveLimits } from '../../src/limits/limitRules.ts';
import { removeDir, startServer, widget, type TestServer } from '../helpers.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  if (server) await removeDir(server.dataDir);
  server = undefined;
});

describe('RATE_LIMITS', () => {
  const read = (RATE_LIMITS: string) => resolveLimits(loadConfig({ RATE_LIMITS }).config.rateLimits);

  it('keeps every default when unset, and lays a partial JSON object over them key by key', () => {
    expect(resolveLimits(loadConfig({}).config.rateLimits)).toEqual(DEFAULT_LIMITS);
    const limits = read('{"message":{"visitor":60},"sockets":{"manager":100}}')!;
    expect(limits.message).toEqual({ visitor: 60, ip: DEFAULT_LIMITS.message.ip, windowSeconds: 60 });
    expect(limits.sockets).toEqual({ visitor: 8, manager: 100 });
    expect(limits.boot).toEqual(DEFAULT_LIMITS.boot);
  });

  it('turns every limit off with "off"', () => {
    expect(read('off')).toBeNull();
  });

  it('refuses a value that breaks the rule, naming the variable, the key and the rule', () => {
    const cases: [string, string][] = [
      ['{not json', 'RATE_LIMITS: must be "off" or a JSON object such as {"message":{"visitor":60}}'],
      ['[1]', 'RATE_LIMITS: must be "off" or a JSON object of limits'],
      ['{"mesage":{"visitor":1}}', 'RATE_LIMITS: "mesage" is not a limit; the limits are boot, newChat, message, track, trackBytes, surveyAnswer, profileWrite, read, managerAuth, sockets'],
      ['{"message":5}', 'RATE_LIMITS: message: must be an object such as {"visitor": 10}'],
      ['{"message":{"perIp":5}}', 'RATE_LIMITS: message.perIp: not a field; use visitor, ip, windowSeconds'],
      ['{"message":{"visitor":0}}', 'RATE_LIMITS: message.visitor: must be a positive integer'],
      ['{"message":{"visitor":1.5}}', 'RATE_LIMITS: message.visitor: must be a positive integer'],
      ['{"managerAuth":{"firstWaitSeconds":10,"maxWaitSeconds":5}}', 'RATE_LIMITS: managerAuth.maxWaitSeconds: must be at least firstWaitSeconds'],
    ];
    for (const [value, message] of cases) {
      expect(() => loadConfig({ RATE_LIMITS: value }), value).toThrow(ConfigError);
      expect(() => loadConfig({ RATE_LIMITS: value }), value).toThrow(message);
    }
  });
});

describe('TRUST_PROXY', () => {
  it('reads a list of addresses and CIDR ranges, and trusts no proxy when unset or empty', () => {
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1' }).config.trustProxy).toEqual(['127.0.0.1', '10.0.0.0/8', '::1']);
    expect(loadConfig({}).config.trustProxy).toBeUndefined();
    expect(loadConfig({ TRUST_PROXY: '' }).config.trustProxy).toBeUndefined();
  });

  it('refuses anything but addresses and ranges, "true" and hop counts included', () => {
    for (const value of ['true', '1', 'proxy.internal', '10.0.0.0/33', '::1/129', '10.0.0.1/8/2']) {
      expect(() => loadConfig({ TRUST_PROXY: value }), value).toThrow(ConfigError);
      expect(() => loadConfig({ TRUST_PROXY: value }), value).toThrow('TRUST_PROXY: "');
    }
  });

  it('takes the nearest address in X-Forwarded-For that is not a trusted proxy', () => {
    const trust = trustOf(['10.0.0.0/8', '127.0.0.1']);
    expect(clientAddress('127.0.0.1', '203.0.113.9, 10.1.2.3', trust)).toBe('203.0.113.9');
    // A client's own X-Forwarded-For entries sit left of the first untrusted hop and are never read.
    expect(clientAddress('127.0.0.1', '1.1.1.1, 203.0.113.9', trust)).toBe('203.0.113.9');
    expect(clientAddress('::ffff:127.0.0.1', '203.0.113.9', trust)).toBe('203.0.113.9');
    // From a peer that is not a proxy, the header is the client's word and is ignored.
    expect(clientAddress('198.51.100.7', '203.0.113.9', trust)).toBe('198.51.100.7');
    expect(clientAddress('127.0.0.1', '203.0.113.9', undefined)).toBe('127.0.0.1');
  });

  it('counts the limits per forwarded client behind a trusted proxy, and ignores the header otherwise', async () => {
    const boot = (s: TestServer, forwarded: string) =>
      widget(s)('POST', '/boot', { body: {}, headers: { 'x-forwarded-for': forwarded } });
    server = await startServer({ rateLimits: { boot: { ip: 2 } }, trustProxy: ['127.0.0.1'] });
    for (let i = 0; i < 2; i++) expect((await boot(server, '203.0.113.1')).status).toBe(200);
    expect((await boot(server, '203.0.113.1')).status).toBe(429);
    expect((await boot(server, '203.0.113.2')).status).toBe(200);
    await server.close();
    await removeDir(server.dataDir);

    server = await startServer({ rateLimits: { boot: { ip: 2 } } });
    expect((await boot(server, '203.0.113.1')).status).toBe(200);
    expect((await boot(server, '203.0.113.2')).status).toBe(200);
    // A script cannot pose as many clients by making the header up.
    expect((await boot(server, '203.0.113.3')).status).toBe(429);
  });
});
