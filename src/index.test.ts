// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import * as sdk from './index';
import { COMMAND_NAMES } from './core/commands';

describe('the npm entry', () => {
  it('exports exactly one function per command, loadScript, and nothing else', () => {
    expect(Object.keys(sdk).sort()).toEqual([...COMMAND_NAMES, 'loadScript'].sort());
    for (const name of [...COMMAND_NAMES, 'loadScript'] as const) expect(typeof sdk[name]).toBe('function');
    expect(COMMAND_NAMES).toContain('openWorkflow');
  });

  it('imported where there is no window, every command and loadScript do nothing and throw nothing', () => {
    expect(typeof window).toBe('undefined');
    const log = vi.spyOn(console, 'error');
    const warn = vi.spyOn(console, 'warn');
    expect(() => sdk.loadScript({ apiBase: 'https://chat.example.com' })).not.toThrow();
    expect(() => sdk.loadScript()).not.toThrow();
    expect(() => sdk.boot({ pluginKey: 'k' })).not.toThrow();
    expect(() => sdk.showMessenger()).not.toThrow();
    expect(() => sdk.openChat('1', 'hi')).not.toThrow();
    expect(() => sdk.openWorkflow('w1')).not.toThrow();
    expect(() => sdk.shutdown()).not.toThrow();
    const off = sdk.onBadgeChanged(() => {});
    expect(typeof off).toBe('function');
    expect(() => off()).not.toThrow();
    expect(log).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
  });
});
