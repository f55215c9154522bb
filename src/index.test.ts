// @vitest-environment node
import { describe, expect, it } from 'vitest';
import * as sdk from './index';
import { COMMAND_NAMES } from './core/commands';

describe('the npm entry', () => {
  it('exports exactly one function per command and nothing else', () => {
    expect(Object.keys(sdk).sort()).toEqual([...COMMAND_NAMES].sort());
    for (const name of COMMAND_NAMES) expect(typeof sdk[name]).toBe('function');
  });

  it('imported where there is no window, every command does nothing and throws nothing', () => {
    expect(typeof window).toBe('undefined');
    expect(() => sdk.boot({ pluginKey: 'k' })).not.toThrow();
    expect(() => sdk.showMessenger()).not.toThrow();
    expect(() => sdk.openChat('1', 'hi')).not.toThrow();
    expect(() => sdk.shutdown()).not.toThrow();
    const off = sdk.onBadgeChanged(() => {});
    expect(typeof off).toBe('function');
    expect(() => off()).not.toThrow();
  });
});
