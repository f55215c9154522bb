import { describe, expect, it } from 'vitest';
import { parseArgs, problems } from '../bench/options.mjs';

describe('bench command line', () => {
  it('reads numbers and flags, with the smoke run’s small defaults under --quick', () => {
    expect(parseArgs(['--quick', '--check'])).toEqual({ quick: true, check: true, rounds: 2, connections: 20, seconds: 3 });
    expect(parseArgs(['--rounds', '12'])).toEqual({ quick: false, check: false, rounds: 12, connections: undefined, seconds: undefined });
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
  };

  it('passes a complete run', () => {
    expect(problems(complete)).toEqual([]);
  });

  it('names every missing figure, failed round, lost or duplicated message', () => {
    const broken = {
      browser: { failures: [{ round: 2, error: 'launcher: no answer within 15000 ms' }], summary: [{ label: 'boot', n: 0, median: null }] },
      server: { sangdam: { ...part, lost: 1, duplicated: 2, p99: null }, baseline: { ...part, delivered: 0 } },
    };
    expect(problems(broken)).toEqual([
      'browser round 2 failed: launcher: no answer within 15000 ms',
      'browser: no value for "boot"',
      'server sangdam: 1 message(s) lost',
      'server sangdam: 2 message(s) duplicated',
      'server sangdam: no p99',
      'server baseline: nothing delivered',
    ]);
    expect(problems({})).toEqual(['browser: no results', 'server: no results']);
  });

  it('fails a run whose untraced boot has grown past the bound over the minimal widget', () => {
    const ratio = (median) => ({ ...complete, browser: { failures: [], summary: [{ key: 'feltRatio', label: 'ratio', n: 2, median }] } });
    expect(problems(ratio(1.2))).toEqual([]);
    expect(problems(ratio(2.4))).toEqual(["browser: boot takes 2.40× the minimal widget's main thread, over the bound of 2×"]);
  });
});
