import { afterEach, describe, expect, it } from 'vitest';
import type { ChatProfile } from '../../shared/types';
import { calls, chat } from '../test/fakeServer';
import { $, $$, button, choose, cleanup, flush, press, start, type, ui } from '../test/harness';

afterEach(cleanup);

const field = (key: string, type: string, en: string, extra = {}) => ({ key, type, names: { ko: en, en }, order: 0, archived: false, ...extra });
const FIELDS = [
  field('profile.vip', 'Boolean', 'VIP'),
  field('profile.seats', 'Number', 'Seats'),
  field('profile.plan', 'String', 'Plan'),
  field('profile.sizes', 'List', 'Sizes'),
  field('profile.renewal', 'Date', 'Renewal'),
  field('profile.old', 'String', 'Old', { archived: true }),
  field('profile.fit', 'List', 'Fit', { options: ['S', 'M', 'L'] }),
];

function open(profile: ChatProfile = {}) {
  let c1 = chat('c1', {}, profile);
  start(
    {
      'GET /profile-fields': { fields: FIELDS },
      'GET /display-settings': { hidden: [] },
      'GET /chats': { chats: [c1] },
      'GET /chats/c1': { chat: c1, messages: [] },
      'GET /teammates': { teammates: [{ id: 'm1', name: 'Hana', role: 'agent', avatarUrl: null }] },
      'PATCH /chats/c1': (edits: Record<string, unknown>) => {
        const { assigneeId, ...values } = edits;
        c1 = { ...c1, updatedAt: c1.updatedAt + 1, assigneeId: assigneeId === undefined ? c1.assigneeId : (assigneeId as string | null), profile: { ...c1.profile, ...(values as ChatProfile) } };
        return { chat: c1 };
      },
    },
    { hash: '#/inbox/c1' },
  );
}

const valueOf = (name: string) => $$('.profile .field').find((f) => f.querySelector('dt')?.textContent?.startsWith(name))?.querySelector('dd');
const control = (name: string) => valueOf(name)?.querySelector<HTMLInputElement & HTMLSelectElement>('input, select') ?? null;
const edits = () => calls(ui.fetch).filter((c) => c.route === 'PATCH /chats/c1').map((c) => c.body);

async function edit(name: string, text: string) {
  button(`Edit: ${name}`).click();
  await flush();
  const input = control(name)!;
  expect(document.activeElement).toBe(input);
  if (input.tagName === 'SELECT') choose(input, text);
  else type(input, text);
  input.form!.dispatchEvent(new Event('submit', { cancelable: true }));
  await flush();
}

describe('editing custom profile values', () => {
  it('shows each value as text and edits it with the control its type calls for', async () => {
    open({ 'profile.old': 'kept', 'profile.vip': false });
    await flush();
    expect(valueOf('VIP')?.textContent).toBe('No');
    await edit('VIP', 'true');
    await edit('Seats', '12');
    await edit('Renewal', '2027-01-31');
    expect(valueOf('VIP')?.textContent).toBe('Yes');
    expect(valueOf('Seats')?.textContent).toBe('12');
    button('Edit: Sizes').click();
    await flush();
    const chips = valueOf('Sizes')!.querySelector<HTMLInputElement>('.chips input')!;
    type(chips, 'M');
    press(chips, 'Enter');
    await flush();
    expect(edits()).toEqual([{ 'profile.vip': true }, { 'profile.seats': 12 }, { 'profile.renewal': '2027-01-31' }, { 'profile.sizes': ['M'] }]);
    // Archived: text only, no edit button.
    expect(valueOf('Old')?.textContent).toBe('kept');
    expect($$('.profile button').some((b) => b.getAttribute('aria-label') === 'Edit: Old')).toBe(false);
  });

  it("offers a List field's allowed items as checkboxes, saved as they are ticked", async () => {
    open({ 'profile.fit': ['L'] });
    await flush();
    button('Edit: Fit').click();
    await flush();
    const boxes = Array.from(valueOf('Fit')!.querySelectorAll<HTMLInputElement>('fieldset input[type=checkbox]'));
    expect(boxes.map((b) => [b.parentElement!.textContent, b.checked])).toEqual([['S', false], ['M', false], ['L', true]]);
    expect(document.activeElement).toBe(boxes[0]);
    boxes[0].click();
    await flush();
    expect(edits()).toEqual([{ 'profile.fit': ['S', 'L'] }]);
  });

  it('cancels with Escape, and refuses what the shared validator refuses without asking the server', async () => {
    open();
    await flush();
    button('Edit: Plan').click();
    await flush();
    press(control('Plan')!, 'Escape');
    await flush();
    expect(control('Plan')).toBeNull();
    await edit('Plan', 'x'.repeat(1001));
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
