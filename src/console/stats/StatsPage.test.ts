import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CsatStats } from '../../shared/managerApi';
import { calls } from '../test/fakeServer';
import { $, $$, button, cleanup, flush, start, ui } from '../test/harness';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const STATS: CsatStats = {
  overall: { sent: 20, answered: 16, responseRate: 0.8, average: 3.75 },
  scales: [
    { scale: 5, sent: 12, answered: 8, responseRate: 8 / 12, average: 3.5, distribution: { '1': 1, '2': 1, '3': 1, '4': 2, '5': 3 } },
    { scale: 2, sent: 8, answered: 8, responseRate: 1, average: 4, distribution: { '1': 2, '2': 0, '3': 0, '4': 0, '5': 6 } },
    { scale: 3, sent: 0, answered: 0, responseRate: 0, average: null, distribution: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 } },
  ],
};

const base = { 'GET /profile-fields': { fields: [], builtIns: [] } };
const rows = (section: Element) => Array.from(section.querySelectorAll('tbody tr')).map((tr) => Array.from(tr.children).map((cell) => cell.textContent));
const kpis = (section: Element) => Array.from(section.querySelectorAll('.kpis dd')).map((dd) => dd.textContent);

describe('the statistics page', () => {
  it('shows per scale the count and share of each score, the average and the response rate', async () => {
    start({ ...base, 'GET /csat-stats': STATS }, { hash: '#/stats' });
    await flush();
    expect($('h1')?.textContent).toBe('Satisfaction statistics');
    const [overall, five, two] = $$('section.card');
    expect(kpis(overall)).toEqual(['20', '16', '80%', '3.75']);
    expect(five.querySelector('h2')?.textContent).toBe('5-point scale');
    expect(kpis(five)).toEqual(['12', '8', '66.7%', '3.5']);
    expect(rows(five)).toEqual([
      ['Very satisfied (5)', '3', '37.5%', ''],
      ['Satisfied (4)', '2', '25%', ''],
      ['Neutral (3)', '1', '12.5%', ''],
      ['Dissatisfied (2)', '1', '12.5%', ''],
      ['Very dissatisfied (1)', '1', '12.5%', ''],
    ]);
    expect(rows(two)).toEqual([
      ['Very satisfied (5)', '6', '75%', ''],
      ['Very dissatisfied (1)', '2', '25%', ''],
    ]);
    expect($$('section.card h2').map((h) => h.textContent)).not.toContain('3-point scale');
  });

  it('gives the numbers in text, the bars only repeat them', async () => {
    start({ ...base, 'GET /csat-stats': STATS }, { hash: '#/stats' });
    await flush();
    const bar = $<HTMLElement>('.bar.s5')!;
    expect(bar.closest('td')?.getAttribute('aria-hidden')).toBe('true');
    expect(bar.style.width).toBe('37.5%');
    expect($$('table.dist th[scope=col]').slice(0, 3).map((th) => th.textContent)).toEqual(['Score', 'Answers', 'Share']);
  });

  it('opens the inbox filtered by a score when the score is chosen', async () => {
    start({ ...base, 'GET /csat-stats': STATS, 'GET /chats': { chats: [] } }, { hash: '#/stats' });
    await flush();
    const link = $<HTMLAnchorElement>('tbody th a')!;
    expect(link.getAttribute('href')).toBe('#/inbox?csat=5');
    expect(link.getAttribute('aria-label')).toBe('Show chats scored Very satisfied (5)');
    location.hash = link.getAttribute('href')!;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await flush();
    expect(calls(ui.fetch).some((c) => c.route === 'GET /chats?csat=5')).toBe(true);
    expect($<HTMLSelectElement>('.filters select[name=csat]')!.value).toBe('5');
  });

  it('says so when the server has no statistics yet', async () => {
    start(base, { hash: '#/stats' });
    await flush();
    expect($('.stats .hint')?.textContent).toBe('This server does not offer this yet.');
    expect($('[role=alert]')).toBeNull();
  });

  it('downloads the UserChat data with the manager token, through a Blob', async () => {
    const file = new Blob(['\ufeffid,state\r\n'], { type: 'text/csv' });
    start({ ...base, 'GET /csat-stats': STATS, 'GET /export': { body: file, headers: { 'content-disposition': 'attachment; filename="userchat-data.csv"' } } }, { hash: '#/stats' });
    await flush();
    const create = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:console/1');
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    button('Download UserChat data as CSV').click();
    await flush();
    const call = calls(ui.fetch).find((c) => c.route === 'GET /export?format=csv')!;
    expect(call.authorization).toBe('Bearer manager-token-123');
    expect(create).toHaveBeenCalledWith(expect.any(Blob));
    expect(clicked[0].download).toBe('userchat-data.csv');
    expect(clicked[0].getAttribute('href')).toBe('blob:console/1');
  });
});
