import { afterEach, describe, expect, it } from 'vitest';
import { READY_MADE_FIELDS } from '../../shared/profile/fields';
import type { ChatProfile, UserProfile } from '../../shared/types';
import { calls, chat } from '../test/fakeServer';
import { $, $$, button, cleanup, flush, press, start, type, ui } from '../test/harness';

afterEach(cleanup);

const fields = [...READY_MADE_FIELDS, { key: 'profile.productName', type: 'String', names: { ko: '상품명', en: 'Product name' }, order: 2, archived: false }];

function openProfile(
  profile: ChatProfile,
  { hidden = [] as string[], language = 'en' as 'ko' | 'en', displaySettings = true, customerProfile = undefined as UserProfile | undefined } = {},
) {
  const c1 = chat('c1', {}, profile);
  // The server fills priority with medium; the panel must not rely on it.
  if (!('priority' in profile)) delete c1.profile.priority;
  start(
    {
      'GET /profile-fields': { fields, builtIns: undefined },
      ...(displaySettings ? { 'GET /display-settings': { hidden }, 'PUT /display-settings': (body: { hidden: string[] }) => body } : {}),
      'GET /chats': { chats: [c1] },
      'GET /chats/c1': { chat: c1, messages: [], customerProfile },
      'PATCH /chats/c1': (edits: ChatProfile) => ({ chat: { ...c1, updatedAt: c1.updatedAt + 1, profile: { ...c1.profile, ...edits } } }),
    },
    { hash: '#/inbox/c1', language },
  );
}

const names = () => $$('.profile dt').map((dt) => dt.textContent).filter((name) => name !== 'Assignee');
const valueOf = (name: string) => $$('.profile .field').find((f) => f.querySelector('dt')?.textContent === name)?.querySelector('dd');

describe('the profile panel', () => {
  it('shows an unset priority as 보통 in Korean and Medium in English', async () => {
    openProfile({}, { language: 'ko' });
    await flush();
    const select = $<HTMLSelectElement>('.profile select[aria-labelledby=pf-priority]')!;
    expect(select.value).toBe('medium');
    expect(select.selectedOptions[0].textContent).toBe('보통');
    expect(Array.from(select.options).map((o) => o.textContent)).toEqual(['높음', '보통', '낮음']);
    cleanup();
    openProfile({});
    await flush();
    expect($<HTMLSelectElement>('.profile select[aria-labelledby=pf-priority]')!.selectedOptions[0].textContent).toBe('Medium');
  });

  it('lists built-ins first, then custom fields in order, with values formatted', async () => {
    openProfile({ waitingTime: 30_000, avgReplyTime: 65 * 60_000, 'profile.productName': 'Linen shirt', 'profile.csat': 4, 'source.page': 'https://shop.example/p/42' });
    await flush();
    expect(names().slice(0, 4)).toEqual(['Priority', 'Source page', 'Chat tags', 'Description']);
    expect(names().slice(-3)).toEqual(['CSAT', 'CSAT comment', 'Product name']);
    expect(valueOf('First response time')?.textContent).toBe('1 min');
    expect(valueOf('Average reply time')?.textContent).toBe('1 h 5 min');
    expect(valueOf('CSAT')?.textContent).toBe('4 · Satisfied');
    expect(valueOf('Source page')?.querySelector('a')?.getAttribute('href')).toBe('https://shop.example/p/42');
  });

  it('hides the fields listed in the display settings', async () => {
    openProfile({ 'profile.productName': 'Linen shirt' }, { hidden: ['source.page', 'profile.productName', 'goalState'] });
    await flush();
    expect(names()).not.toContain('Source page');
    expect(names()).not.toContain('Product name');
    expect(names()).not.toContain('Goal');
    expect(names()).toContain('Priority');
  });

  it("shows the customer's own profile under the chat's, lists joined", async () => {
    openProfile({}, { language: 'ko', customerProfile: { name: 'Mina', likes: ['linen', 'wool'], sizes: [95, 100], vip: true, none: [] } });
    await flush();
    const section = $('[aria-labelledby=customer-profile-title]')!;
    expect(section.querySelector('h3')?.textContent).toBe('고객 프로필');
    const rows = Array.from(section.querySelectorAll('.field')).map((f) => [f.querySelector('dt')?.textContent, f.querySelector('dd')?.textContent]);
    expect(rows).toEqual([['name', 'Mina'], ['likes', 'linen, wool'], ['sizes', '95, 100'], ['vip', '예'], ['none', '—']]);
  });

  it('shows no customer profile section when the customer has none', async () => {
    openProfile({});
    await flush();
    expect($('[aria-labelledby=customer-profile-title]')).toBeNull();
  });

  it('saves the display settings for every chat from the dialog, which closes on Escape', async () => {
    openProfile({});
    await flush();
    const opener = button('Display settings');
    opener.focus();
    opener.click();
    await flush();
    const dialog = $('dialog')!;
    expect(dialog.getAttribute('aria-labelledby')).toBe(dialog.querySelector('h2')!.id);
    expect(document.activeElement).toBe(dialog.querySelector('input'));
    const box = $$<HTMLInputElement>('dialog input[type=checkbox]').find((b) => b.parentElement?.textContent === 'Source page')!;
    box.click();
    await flush();
    button('Save').click();
    await flush();
    expect(calls(ui.fetch).find((c) => c.route === 'PUT /display-settings')?.body).toEqual({ hidden: ['source.page'] });
    expect($('dialog')).toBeNull();
    expect(names()).not.toContain('Source page');

    button('Display settings').click();
    await flush();
    press($('dialog')!, 'Escape');
    await flush();
    expect($('dialog')).toBeNull();
    expect(document.activeElement?.textContent).toBe('Display settings');
  });

  it('keeps the display settings for the tab when the server has no such route', async () => {
    openProfile({}, { displaySettings: false });
    await flush();
    button('Display settings').click();
    await flush();
    expect($('dialog')?.textContent).toContain('apply in this tab only');
    $$<HTMLInputElement>('dialog input[type=checkbox]')[1].click();
    await flush();
    button('Save').click();
    await flush();
    expect($('dialog')).toBeNull();
    expect(names()).not.toContain('Source page');
  });

  it('saves priority, tags and description with PATCH', async () => {
    openProfile({ tags: ['배송'] });
    await flush();
    const select = $<HTMLSelectElement>('.profile select[aria-labelledby=pf-priority]')!;
    select.value = 'high';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await flush();
    const input = $<HTMLInputElement>('.chips input')!;
    type(input, 'VIP');
    press(input, 'Enter');
    await flush();
    button('Remove tag 배송').click();
    await flush();
    button('Edit: Description').click();
    await flush();
    const area = $<HTMLTextAreaElement>('.desc textarea')!;
    expect(document.activeElement).toBe(area);
    type(area, '  교환 요청  ');
    await flush();
    button('Save').click();
    await flush();
    const edits = calls(ui.fetch).filter((c) => c.route === 'PATCH /chats/c1').map((c) => c.body);
    expect(edits).toEqual([{ priority: 'high' }, { tags: ['배송', 'VIP'] }, { tags: ['VIP'] }, { description: '교환 요청' }]);
    expect($('.desc-text')?.textContent).toBe('교환 요청');
  });
});
