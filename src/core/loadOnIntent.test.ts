import { afterEach, describe, expect, it, vi } from 'vitest';
import { startSdk } from './test/harness';

let t: ReturnType<typeof startSdk>;
afterEach(() => {
  t.sdk('shutdown');
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const launcher = () => document.querySelector('sangdam-widget')!.shadowRoot!.querySelector('button.launcher') as HTMLButtonElement;

describe('chunks load on intent, not on page view', () => {
  it('starts loading the messenger when the launcher is pointed at or focused, and not before', async () => {
    const loadMessenger = vi.fn(async () => t.messenger.module);
    t = startSdk({ loadMessenger });
    await t.boot();
    await tick();
    expect(loadMessenger).not.toHaveBeenCalled();
    launcher().dispatchEvent(new Event('pointerenter'));
    expect(loadMessenger).toHaveBeenCalledTimes(1);
    launcher().dispatchEvent(new Event('focus'));
    await tick();
    expect(loadMessenger).toHaveBeenCalledTimes(1); // once: the load under way is reused
  });

  it('opens the messenger without the profile tools; the first chat loads them', async () => {
    const loadProfileTools = vi.fn(() => import('../profile/index'));
    t = startSdk({ loadProfileTools });
    await t.boot();
    t.sdk('showMessenger');
    await tick();
    expect(t.messenger.shown).toHaveLength(1);
    expect(loadProfileTools).not.toHaveBeenCalled();
    await t.messenger.state.bridge!.createChat('Hello');
    expect(loadProfileTools).toHaveBeenCalledTimes(1);
  });
});
