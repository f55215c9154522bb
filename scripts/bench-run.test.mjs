// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, problems } from '../bench/options.mjs';
import { comparison, packageDir, PEERS, peerFigures, peerResponse, peerRound, posthogRemoteConfig } from '../bench/browser/peers.mjs';

describe('bench command line', () => {
  it('reads numbers and flags, with the smoke run’s small defaults under --quick', () => {
    expect(parseArgs(['--quick', '--check'])).toEqual({ quick: true, check: true, peers: false, rounds: 2, connections: 20, seconds: 3 });
    expect(parseArgs(['--rounds', '12'])).toEqual({ quick: false, check: false, peers: false, rounds: 12, connections: undefined, seconds: undefined });
  });

  it('measures the peers too only when asked with --peers', () => {
    expect(parseArgs(['--quick', '--peers'])).toMatchObject({ quick: true, peers: true, rounds: 2 });
    expect(parseArgs(['--peers', '--rounds', '3'])).toMatchObject({ quick: false, peers: true, rounds: 3 });
    expect(() => parseArgs(['--peers=all'])).toThrow(/unknown argument --peers=all \(expected .*--peers, --only PART\)/);
  });

  it('runs one part alone with --only, and skips the checks of the others', () => {
    expect(parseArgs(['--only', 'inbox'])).toMatchObject({ only: 'inbox', quick: false });
    expect(() => parseArgs(['--only', 'all'])).toThrow('--only needs one of browser, server, inbox');
    expect(problems({ options: { only: 'inbox' } })).toEqual(['inbox: no results']);
  });

  it('refuses what it does not know, naming it', () => {
    expect(() => parseArgs(['--rounds', 'many'])).toThrow('--rounds needs a positive whole number');
    expect(() => parseArgs(['--fast'])).toThrow(/unknown argument --fast/);
  });
});

describe('bench check', () => {
  const part = { delivered: 40, lost: 0, duplicated: 0, perSecond: 20, p50: 1.2, p99: 4.5 };
  const complete = {
    browser: { failures: [], summary: [{ label: 'boot', n: 2, median: 3.1 }] },
    server: { sangdam: part, baseline: part },
    inbox: { summary: [{ key: 'searchCommon', label: 'search', n: 20, median: 30, found: 50 }] },
  };

  it('passes a complete run', () => {
    expect(problems(complete)).toEqual([]);
  });

  it('names every missing figure, failed round, lost or duplicated message', () => {
    const broken = {
      browser: { failures: [{ round: 2, error: 'launcher: no answer within 15000 ms' }], summary: [{ label: 'boot', n: 0, median: null }] },
      server: { sangdam: { ...part, lost: 1, duplicated: 2, p99: null }, baseline: { ...part, delivered: 0 } },
      inbox: complete.inbox,
    };
    expect(problems(broken)).toEqual([
      'browser round 2 failed: launcher: no answer within 15000 ms',
      'browser: no value for "boot"',
      'server sangdam: 1 message(s) lost',
      'server sangdam: 2 message(s) duplicated',
      'server sangdam: no p99',
      'server baseline: nothing delivered',
    ]);
    expect(problems({})).toEqual(['browser: no results', 'server: no results', 'inbox: no results']);
  });

  it('fails a run whose untraced boot has grown past the bound over the minimal widget', () => {
    const ratio = (median) => ({ ...complete, browser: { failures: [], summary: [{ key: 'feltRatio', label: 'ratio', n: 2, median }] } });
    expect(problems(ratio(2.2))).toEqual([]);
    expect(problems(ratio(3.4))).toEqual(["browser: boot takes 3.40× the minimal widget's main thread, over the bound of 3×"]);
  });

  it('fails a run whose first open downloads more than its bound', () => {
    const open = (max) => ({ ...complete, browser: { failures: [], summary: [{ key: 'feltOpenBytes', label: 'open bytes', n: 2, median: max - 0.1, max }] } });
    expect(problems(open(17.1))).toEqual([]);
    expect(problems(open(18.4))).toEqual(['browser: the first open downloads 18.4 KB, over the bound of 18 KB']);
  });
});

describe('bench inbox check', () => {
  const base = { browser: { failures: [], summary: [] }, server: { sangdam: { delivered: 1, perSecond: 1, p50: 1, p99: 1 }, baseline: { delivered: 1, perSecond: 1, p50: 1, p99: 1 } } };
  it('fails an inbox figure over its target, or a search that found nothing', () => {
    const inbox = (median, found) => ({ ...base, inbox: { summary: [{ key: 'searchCommon', label: 'search', n: 20, median, found }] } });
    expect(problems(inbox(34, 50))).toEqual([]);
    expect(problems(inbox(151, 50))).toEqual(['inbox: "search" took 151.0 ms, over 150 ms']);
    expect(problems(inbox(3, 0))).toEqual(['inbox: "search" found no chat']);
  });
});

describe('bench peers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-peers-'));
  const peers = { posthog: { dir: join(dir, 'posthog'), version: '1.449.2' }, rocketchat: { dir: join(dir, 'rocketchat'), version: '1.13.3' } };
  mkdirSync(peers.posthog.dir);
  mkdirSync(peers.rocketchat.dir);
  writeFileSync(join(peers.posthog.dir, 'array.js'), 'array');
  writeFileSync(join(peers.posthog.dir, 'surveys.js'), 'surveys');
  writeFileSync(join(peers.rocketchat.dir, 'index.html'), '<html><head></head><body><script src="livechat/bundle.js"></script></body></html>');
  writeFileSync(join(peers.rocketchat.dir, 'bundle.js'), 'bundle');
  writeFileSync(join(dir, 'secret.txt'), 'not served');
  const body = (path) => JSON.parse(peerResponse(peers, path).body);

  it('serves each peer’s files from its package, versioned extension paths included, and nothing outside it', () => {
    expect(peerResponse(peers, '/posthog-tab/static/array.js')).toMatchObject({ type: 'text/javascript; charset=utf-8' });
    expect(String(peerResponse(peers, '/posthog-conversations/static/1.449.2/surveys.js').body)).toBe('surveys');
    expect(String(peerResponse(peers, '/rocketchat/livechat/bundle.js').body)).toBe('bundle');
    expect(peerResponse(peers, '/rocketchat/livechat/../secret.txt')).toEqual({ status: 204 });
    expect(peerResponse(peers, '/posthog-tab/static/missing.js')).toEqual({ status: 204 });
  });

  it('boots Rocket.Chat’s app with SERVER_URL set, as its server does', () => {
    const page = peerResponse(peers, '/rocketchat/livechat');
    expect(page.type).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<head><script>window.SERVER_URL=location.origin+"/rocketchat"</script>');
    expect(body('/rocketchat/api/v1/livechat/config')).toMatchObject({ success: true, config: { enabled: true, online: true } });
    expect(body('/rocketchat/api/v1/livechat/page.visited')).toEqual({ success: true });
  });

  it('gives each PostHog variant a remote config with its one widget, a tab survey only to the tab', () => {
    const script = peerResponse(peers, '/posthog-tab/array/phc_bench/config.js').body;
    expect(script).toContain('(window._POSTHOG_REMOTE_CONFIG=window._POSTHOG_REMOTE_CONFIG||{})["phc_bench"]={config:');
    expect(body('/posthog-tab/array/phc_bench/config')).toEqual(posthogRemoteConfig('tab'));
    expect(posthogRemoteConfig('tab')).toMatchObject({ surveys: true, conversations: false, autocapture_opt_out: true, sessionRecording: false, hasFeatureFlags: false });
    expect(posthogRemoteConfig('conversations')).toMatchObject({ surveys: false, conversations: { enabled: true, widgetEnabled: true } });
    expect(body('/posthog-tab/api/surveys/').surveys).toEqual([expect.objectContaining({ type: 'widget', appearance: expect.objectContaining({ widgetType: 'tab' }) })]);
    expect(body('/posthog-conversations/api/surveys/')).toEqual({ surveys: [] });
    expect(body('/posthog-tab/e/')).toEqual({ status: 1 });
  });

  it('answers what it does not know under a peer with an empty 204, and leaves other paths alone', () => {
    expect(peerResponse(peers, '/posthog-tab/api/unknown')).toEqual({ status: 204 });
    expect(peerResponse(peers, '/rocketchat/sockjs/info')).toEqual({ status: 204 });
    expect(peerResponse(peers, '/sdk.js')).toBeNull();
    expect(peerResponse(peers, '/rocketchatty')).toBeNull();
  });

  it('finds the peers from the project, or from BENCH_PEERS_DIR, and says what to install when neither has them', () => {
    const modules = join(dir, 'node_modules', 'fake-peer');
    mkdirSync(modules, { recursive: true });
    writeFileSync(join(modules, 'package.json'), '{"name":"fake-peer","version":"1.0.0"}');
    expect(packageDir('fake-peer', { env: { BENCH_PEERS_DIR: dir } })).toBe(modules);
    expect(packageDir('fake-peer', { env: { BENCH_PEERS_DIR: join(dir, 'node_modules') } })).toBe(modules);
    expect(() => packageDir('fake-peer', { env: {} })).toThrow('--peers needs fake-peer (a devDependency: npm install), or BENCH_PEERS_DIR naming a directory whose node_modules has it');
  });

  it('adds three rows per peer, keeps the round’s figures by key, and lines the medians up beside ours', () => {
    expect(peerFigures().map(([key]) => key)).toEqual([
      'peerPosthogTabMain', 'peerPosthogTabBytes', 'peerPosthogTabLongTasks',
      'peerPosthogConversationsMain', 'peerPosthogConversationsBytes', 'peerPosthogConversationsLongTasks',
      'peerRocketchatMain', 'peerRocketchatBytes', 'peerRocketchatLongTasks',
    ]);
    const felt = Object.fromEntries(PEERS.map((p, i) => [p.name, { added: 100 * (i + 1), bytes: 2048, longTasks: i }]));
    expect(peerRound(felt)).toMatchObject({ peerPosthogTabMain: 100, peerPosthogTabBytes: 2, peerRocketchatMain: 300, peerRocketchatLongTasks: 2 });
    const summary = [
      { key: 'feltOurs', median: 60 }, { key: 'feltBytesOurs', median: 10 }, { key: 'feltLongTasks', median: 0 },
      { key: 'feltMinimal', median: 20 }, { key: 'feltBytesMinimal', median: 1 }, { key: 'feltNoop', median: 2 }, { key: 'feltLongTasksNoop', median: 1 },
      { key: 'peerRocketchatMain', median: 900 }, { key: 'peerRocketchatBytes', median: 480 }, { key: 'peerRocketchatLongTasks', median: 4 },
    ];
    const rows = comparison(summary);
    expect(rows.map((r) => r.label)).toEqual(['sdk.js (Sangdam)', 'minimal widget', 'do-nothing script', 'PostHog surveys tab', 'PostHog conversations', 'Rocket.Chat Livechat']);
    expect(rows[0]).toEqual({ label: 'sdk.js (Sangdam)', main: 60, bytes: 10, longTasks: 0 });
    expect(rows[2]).toEqual({ label: 'do-nothing script', main: 2, bytes: null, longTasks: 1 });
    expect(rows[3]).toEqual({ label: 'PostHog surveys tab', main: null, bytes: null, longTasks: null });
    expect(rows[5]).toEqual({ label: 'Rocket.Chat Livechat', main: 900, bytes: 480, longTasks: 4 });
  });

  it('cleans up', () => rmSync(dir, { recursive: true, force: true }));
});
