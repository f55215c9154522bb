import { afterEach, describe, expect, it } from 'vitest';
import type { CsatStats } from '../../shared/managerApi';
import { $$, cleanup, flush, start } from '../test/harness';

afterEach(cleanup);

const base = { 'GET /profile-fields': { fields: [], builtIns: [] } };
const kpis = (section: Element) =>
  Array.from(section.querySelectorAll('.kpis > div')).map((row) => [row.querySelector('dt')?.textContent, row.querySelector('dd')?.textContent]);

describe('the statistics figures', () => {
  it('shows how many surveys were skipped, beside a response rate that stays answered / sent', async () => {
    const stats: CsatStats = { overall: { sent: 10, answered: 6, declined: 3, responseRate: 0.6, average: 4 }, scales: [] };
    start({ ...base, 'GET /csat-stats': stats }, { hash: '#/stats' });
    await flush();
    expect(kpis($$('section.card')[0])).toEqual([
      ['Surveys sent', '10'],
      ['Answered', '6'],
      ['Skipped', '3'],
      ['Response rate', '60%'],
      ['Average score', '4'],
    ]);
  });
});
