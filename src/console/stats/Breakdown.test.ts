import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DimensionStats, StatsFigures } from '../../shared/managerApi';
import { calls } from '../test/fakeServer';
import { $, $$, button, choose, cleanup, flush, start, ui } from '../test/harness';

afterEach(cleanup);

const NOW = new Date(2026, 10, 23, 15, 30);
const day = (y: number, m: number, d: number) => new Date(y, m - 1, d).getTime();
const LAST_30 = `from=${day(2026, 10, 25)}&to=${day(2026, 11, 24)}`;

const figures = (chats: number, sent: number, answered: number, average: number | null, goal: [number, number, number]): StatsFigures => ({
  chats,
  sent,
  answered,
  responseRate: sent ? answered / sent : 0,
  average,
  goal: { achieved: goal[0], notAchieved: goal[1], pending: goal[2], rate: goal[0] + goal[1] ? goal[0] / (goal[0] + goal[1]) : null },
});

const BY_PRODUCT: DimensionStats = {
  by: 'product',
  rows: [
    { value: '린넨 셔츠', ...figures(3, 2, 2, 4, [1, 1, 1]) },
    { value: 'SKU-9', ...figures(1, 1, 0, null, [0, 0, 1]) },
  ],
  other: { values: 4, ...figures(5, 0, 0, null, [0, 0, 0]) },
  unset: figures(2, 1, 1, 2, [0, 0, 0]),
  total: figures(11, 4, 3, 3.33, [1, 1, 2]),
};

const FIELDS = {
  fields: [
    { key: 'profile.csat', type: 'Number', names: { en: 'CSAT' }, order: 0, archived: false, readyMade: true },
    { key: 'profile.csatComment', type: 'String', names: { en: 'CSAT comment' }, order: 1, archived: false, readyMade: true },
    { key: 'profile.plan', type: 'List', names: { en: 'Plan', ko: '요금제' }, order: 2, archived: false },
    { key: 'profile.amount', type: 'Number', names: { en: 'Amount' }, order: 3, archived: false },
    { key: 'profile.old', type: 'String', names: { en: 'Old' }, order: 4, archived: true },
  ],
  builtIns: [],
};

function open(stats: (url: URL) => unknown = () => BY_PRODUCT) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  const empty = { overall: { sent: 0, answered: 0, responseRate: 0, average: null }, scales: [] };
  start({ 'GET /profile-fields': FIELDS, 'GET /csat-stats': empty, 'GET /stats': (_body: unknown, url: URL) => stats(url), 'GET /chats': { chats: [], next: null } }, { hash: '#/stats' });
}

const table = () => $('table.breakdown')!;
const rowsOf = (part: string) =>
  Array.from(table().querySelectorAll(`${part} tr`)).map((tr) => Array.from(tr.children).map((cell) => cell.textContent));
const statsCalls = () => calls(ui.fetch).filter((c) => c.route.startsWith('GET /stats') || c.route.startsWith('GET /csat-stats')).map((c) => c.route);
const select = (name: string) => $$<HTMLLabelElement>('label').find((l) => l.querySelector('span')?.textContent === name)!.querySelector('select, input') as HTMLSelectElement & HTMLInputElement;

describe('statistics by product, page, tag or field', () => {
  it('asks for the last 30 days by product and shows each product’s figures, the rest, the chats without one and the total', async () => {
    open();
    await flush();
    expect(statsCalls()).toEqual([`GET /csat-stats?${LAST_30}`, `GET /stats?by=product&${LAST_30}`]);
    expect(select('Range').value).toBe('last30');
    expect([select('From').value, select('To').value]).toEqual(['2026-10-25', '2026-11-23']);
    expect(rowsOf('thead')[0]).toEqual(['Product', 'Chats', 'Surveys sent', 'Answered', 'Response rate', 'Average score', 'Achieved', 'Not achieved', 'Pending', 'Goal rate']);
    expect(rowsOf('tbody')).toEqual([
      ['린넨 셔츠', '3', '2', '2', '100%', '4', '1', '1', '1', '50%'],
      ['SKU-9', '1', '1', '0', '0%', '—', '0', '0', '1', '—'],
      ['Other (4 values)', '5', '0', '0', '—', '—', '0', '0', '0', '—'],
      ['No value', '2', '1', '1', '100%', '2', '0', '0', '0', '—'],
    ]);
    expect(rowsOf('tfoot')).toEqual([['All chats', '11', '4', '3', '75%', '3.33', '1', '1', '2', '50%']]);
  });

  it('links each value to the inbox filtered to exactly its chats of the period', async () => {
    open();
    await flush();
    const link = table().querySelector<HTMLAnchorElement>('tbody th a')!;
    expect(link.getAttribute('aria-label')).toBe('Show the chats of 린넨 셔츠');
    expect(link.getAttribute('href')).toBe(`#/inbox?product=${encodeURIComponent('린넨 셔츠').replace(/%20/g, '+')}&${LAST_30}`);
    location.hash = link.getAttribute('href')!;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await flush();
    const query = new URLSearchParams({ product: '린넨 셔츠', from: String(day(2026, 10, 25)), to: String(day(2026, 11, 24)) });
    expect(calls(ui.fetch).some((c) => c.route === `GET /chats?${query}`)).toBe(true);
    const chips = $$('.figure-filters li span').map((s) => s.textContent);
    expect(chips).toEqual(['Product: 린넨 셔츠', 'Created Oct 25, 2026 – Nov 23, 2026']);
    button('Remove filter Product: 린넨 셔츠').click();
    await flush();
    expect(location.hash).toBe(`#/inbox?${LAST_30}`);
    expect(calls(ui.fetch).at(-1)!.route).toBe(`GET /chats?${LAST_30}`);
    button(/^×$/).click();
    await flush();
    expect($('.figure-filters')).toBeNull();
    expect(calls(ui.fetch).at(-1)!.route).toBe('GET /chats');
  });

  it('moves the focus to the next chip, else the previous one, else the inbox heading, when a figure filter is removed', async () => {
    open();
    await flush();
    location.hash = `#/inbox?product=SKU-9&sourcePage=%2Fcart&${LAST_30}`;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await flush();
    expect($$('.figure-filters li')).toHaveLength(3);
    const created = () => $$<HTMLButtonElement>('.figure-filters button').find((b) => b.getAttribute('aria-label')!.startsWith('Remove filter Created'))!;
    const first = button('Remove filter Product: SKU-9');
    first.focus();
    first.click();
    await flush();
    expect(document.activeElement).toBe(button('Remove filter Source page: /cart'));
    created().focus();
    created().click();
    await flush();
    expect(document.activeElement).toBe(button('Remove filter Source page: /cart'));
    button('Remove filter Source page: /cart').click();
    await flush();
    expect($('.figure-filters')).toBeNull();
    expect(document.activeElement).toBe($('#inbox-title'));
  });

  it('reloads for a preset, for days typed by hand (then custom), and for another dimension', async () => {
    open();
    await flush();
    choose(select('Range'), 'today');
    await flush();
    const today = `from=${day(2026, 11, 23)}&to=${day(2026, 11, 24)}`;
    expect(statsCalls().slice(-2)).toEqual([`GET /csat-stats?${today}`, `GET /stats?by=product&${today}`]);
    const from = select('From');
    from.value = '2026-11-01';
    from.dispatchEvent(new Event('change', { bubbles: true }));
    await flush();
    expect(select('Range').value).toBe('custom');
    expect(statsCalls().at(-1)).toBe(`GET /stats?by=product&from=${day(2026, 11, 1)}&to=${day(2026, 11, 24)}`);
    const groupBy = select('Group by');
    expect(Array.from(groupBy.options).map((o) => o.textContent)).toEqual(['Product', 'Source page', 'Chat tag', 'Assignee', 'Plan']);
    choose(groupBy, 'field:profile.plan');
    await flush();
    expect(statsCalls().at(-1)).toBe(`GET /stats?by=field%3Aprofile.plan&from=${day(2026, 11, 1)}&to=${day(2026, 11, 24)}`);
  });

  it('links a field’s value to the inbox filtered by that field', async () => {
    open((url) => ({ ...BY_PRODUCT, by: url.searchParams.get('by'), rows: [{ value: 'gold', ...figures(2, 0, 0, null, [0, 0, 0]) }], other: null }));
    await flush();
    choose(select('Group by'), 'field:profile.plan');
    await flush();
    expect(rowsOf('thead')[0][0]).toBe('Plan');
    expect(table().querySelector('tbody th a')!.getAttribute('href')).toBe(`#/inbox?field=profile.plan&value=gold&${LAST_30}`);
  });

  it('shows the server’s refusal and offers to try again', async () => {
    open(() => ({ status: 400, body: { error: { code: 'invalid_request', message: 'by: field:profile.x is not a custom field of this channel' } } }));
    await flush();
    expect($('#breakdown-title')!.closest('section')!.textContent).toContain('by: field:profile.x is not a custom field of this channel');
    expect($('table.breakdown')).toBeNull();
  });
});
