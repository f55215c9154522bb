import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountWithServices } from './mount';
import { chat, fakeServices, flush } from './test/fakeServices';
import { messenger as strings } from '../shared/i18n/en';
import { $, cleanup, focused, panel, press, twoChats, ui } from './test/harness';

afterEach(cleanup);

describe('dialog behaviour', () => {
  it('is a labelled, non-modal dialog on a desktop viewport', async () => {
    twoChats();
    ui.view!.show();
    await flush();
    const dialog = panel();
    expect(ui.fake.services.root.querySelector(`#${dialog.getAttribute('aria-labelledby')}`)?.textContent).toBe('Acme Support');
    expect(dialog.hasAttribute('aria-modal')).toBe(false);
    expect(document.documentElement.style.overflow).toBe('');
  });

  it('asks the core to hide on Escape', async () => {
    twoChats();
    ui.view!.show();
    await flush();
    press(panel(), 'Escape');
    expect(ui.fake.services.hide).toHaveBeenCalled();
  });

  it('moves focus into the panel on show', async () => {
    twoChats();
    ui.view!.show();
    await flush();
    expect(focused()?.textContent).toBe('New chat');
  });

  it('becomes modal on a narrow viewport, traps Tab and locks page scroll until hidden', async () => {
    const listeners: Array<() => void> = [];
    const query = { matches: true, addEventListener: (_: string, l: () => void) => listeners.push(l), removeEventListener: vi.fn() };
    vi.stubGlobal('matchMedia', vi.fn(() => query));
    document.documentElement.style.setProperty('overflow', 'scroll', 'important');
    twoChats();
    ui.view!.show({ chatId: 'c1' });
    await flush();
    expect(panel().getAttribute('aria-modal')).toBe('true');
    expect(document.documentElement.style.overflow).toBe('hidden');

    const focusable = Array.from(panel().querySelectorAll<HTMLElement>('button:not([disabled]),textarea'));
    focusable.at(-1)!.focus();
    press(focusable.at(-1)!, 'Tab');
    expect(focused()).toBe(focusable[0]);
    press(focusable[0], 'Tab', { shiftKey: true });
    expect(focused()).toBe(focusable.at(-1));

    ui.view!.hide();
    await flush();
    expect(document.documentElement.style.getPropertyValue('overflow')).toBe('scroll');
    expect(document.documentElement.style.getPropertyPriority('overflow')).toBe('important');

    ui.view!.show();
    await flush();
    query.matches = false;
    listeners.forEach((l) => l());
    await flush();
    expect(panel().hasAttribute('aria-modal')).toBe(false);
    expect(document.documentElement.style.getPropertyValue('overflow')).toBe('scroll');
  });

  it('restores page scroll when destroyed while full screen', async () => {
    vi.stubGlobal('matchMedia', vi.fn(() => ({ matches: true, addEventListener() {}, removeEventListener() {} })));
    twoChats();
    ui.view!.show();
    await flush();
    expect(document.documentElement.style.overflow).toBe('hidden');
    ui.view!.destroy();
    ui.view = undefined;
    expect(document.documentElement.style.overflow).toBe('');
  });

  it('leaves the root empty and removes its stylesheet and subscription on destroy', async () => {
    ui.fake = fakeServices([chat('c1', null)]);
    const { shadowRoot, root } = ui.fake.services;
    const coreSheet = new CSSStyleSheet();
    shadowRoot.adoptedStyleSheets = [coreSheet];
    const mounted = mountWithServices(ui.fake.services);
    expect(shadowRoot.adoptedStyleSheets).toHaveLength(2);
    mounted.show({ chatId: 'c1' });
    await flush();
    mounted.destroy();
    expect(root.innerHTML).toBe('');
    expect(shadowRoot.adoptedStyleSheets).toEqual([coreSheet]);
    expect(ui.fake.listeners.size).toBe(0);
  });

  it('falls back to a style element with the nonce when constructable sheets are missing', () => {
    vi.stubGlobal('CSSStyleSheet', undefined);
    ui.fake = fakeServices();
    const mounted = mountWithServices({ ...ui.fake.services, nonce: 'abc123' });
    const style = ui.fake.services.shadowRoot.querySelector('style')!;
    expect(style.nonce || style.getAttribute('nonce')).toBe('abc123');
    mounted.destroy();
    expect(ui.fake.services.shadowRoot.querySelector('style')).toBeNull();
  });

  it('renders a small failure state instead of throwing when rendering fails', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    ui.fake = fakeServices();
    const broken = Object.defineProperty({ ...strings }, 'newChat', {
      get() {
        throw new Error('broken strings');
      },
    });
    ui.fake.services.loadStrings.mockResolvedValueOnce(broken);
    ui.view = mountWithServices(ui.fake.services);
    ui.view.show();
    await flush();
    expect(panel().textContent).toBe('Something went wrong.');
    $<HTMLButtonElement>('button[aria-label=Close]')!.click();
    expect(ui.fake.services.hide).toHaveBeenCalled();
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });

  it('reports an error thrown by the services instead of throwing to the page', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    twoChats();
    ui.fake.services.listChats.mockRejectedValueOnce(new Error('offline'));
    ui.fake.services.markRead.mockImplementation(() => {
      throw new Error('boom');
    });
    ui.view!.show({ chatId: 'c1' });
    ui.view!.show();
    await flush();
    expect(ui.fake.services.root.textContent).toContain('Could not load.');
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });
});
