import { afterEach, describe, expect, it } from 'vitest';
import type { ChatProfile } from '../../shared/types';
import { calls, chat } from '../test/fakeServer';
import { $, $$, choose, cleanup, flush, press, start, type, ui } from '../test/harness';

afterEach(cleanup);

const field = (key: string, type: string, en: string, extra = {}) => ({ key, type, names: { ko: en, en }, order: 0, archived: false, ...extra });
const FIELDS = [
  field('profile.vip', 'Boolean', 'VIP'),
  field('profile.seats', 'Number', 'Seats'),
  field('profile.plan', 'String', 'Plan'),
  field('profile.sizes', 'List', 'Sizes'),
  field('profile.renewal', 'Date', 'Renewal'),
  field('profile.old', 'String', 'Old', { archived: true }),
];

function open(profile: ChatProfile = {}) {
  const c1 = chat('c1', {}, profile);
  start({
    'GET /profile-fields': { fields: FIELDS },
    'GET /display-settings': { hidden: [] },
    'GET /chats': { chats: [c1] },
    'GET /chats/c1': { chat: c1, messages: [] },
    'GET /teammates': { teammates: [{ id: 'm1', name: 'Hana', role: 'agent', avatarUrl: null }] },
    'PATCH /chats/c1': (edits: Record<string, unknown>) => {
      const { assigneeId, ...values } = edits;
      return { chat: { ...c1, updatedAt: c1.updatedAt + 1, assigneeId: assigneeId ?? c1.assigneeId, profile: { ...c1.profile, ...values } } };
    },
  }, { hash: '#/inbox/c1' });
}

const control = (name: string) => {
  const dt = $$('.profile dt').find((d) => d.textContent?.startsWith(name));
  return dt ? ($(`[aria-labelledby="${dt.id}"]`) as HTMLInputElement | HTMLSelectElement | null) : null;
};
const edits = () => calls(ui.fetch).filter((c) => c.route === 'PATCH /chats/c1').map((c) => c.body);

describe('editing custom profile values', () => {
  it('gives each type its control and saves what the manager sets', async () => {
    open({ 'profile.old': 'kept' });
    await flush();
    const vip = control('VIP') as HTMLInputElement;
    expect(vip.type).toBe('checkbox');
    expect(vip.getAttribute('role')).toBe('switch');
    vip.click();
    await flush();
    const seats = control('Seats') as HTMLInputElement;
    expect(seats.type).toBe('number');
    type(seats, '12');
    seats.dispatchEvent(new Event('change', { bubbles: true }));
    await flush();
    const renewal = control('Renewal') as HTMLInputElement;
    expect(renewal.type).toBe('date');
    type(renewal, '2027-01-31');
    renewal.dispatchEvent(new Event('change', { bubbles: true }));
    await flush();
    const sizes = $$<HTMLInputElement>('.profile .chips input').find((input) => input.closest('.field')?.querySelector('dt')?.textContent === 'Sizes')!;
    type(sizes, 'M');
    press(sizes, 'Enter');
    await flush();
    expect(edits()).toEqual([{ 'profile.vip': true }, { 'profile.seats': 12 }, { 'profile.renewal': '2027-01-31' }, { 'profile.sizes': ['M'] }]);
    // Archived: read-only text.
    expect(control('Old')).toBeNull();
    expect($$('.profile .field').find((f) => f.querySelector('dt')?.textContent?.startsWith('Old'))?.querySelector('dd')?.textContent).toBe('kept');
  });

  it('refuses a value the shared validator refuses, without asking the server', async () => {
    open();
    await flush();
    const plan = control('Plan') as HTMLInputElement;
    type(plan, 'x'.repeat(1001));
    plan.dispatchEvent(new Event('change', { bubbles: true }));
    await flush();
    expect(edits()).toEqual([]);
    expect($('.profile [role=alert]')?.textContent).toContain('profile.plan: must be at most 1000 characters');
  });

  it('reassigns the chat from the panel', async () => {
    open();
    await flush();
    const select = $<HTMLSelectElement>('.profile select[aria-labelledby=pf-assignee]')!;
    expect(Array.from(select.options).map((o) => o.textContent)).toEqual(['Unassigned', 'Hana']);
    choose(select, 'm1');
    await flush();
    expect(edits()).toEqual([{ assigneeId: 'm1' }]);
    expect($<HTMLSelectElement>('.profile select[aria-labelledby=pf-assignee]')!.value).toBe('m1');
  });
});
