import { describe, expect, it } from 'vitest';
import { inboxHref, parseRoute } from './createRouter';

describe('hash routes', () => {
  it.each([
    ['', { page: 'inbox', chatId: null }],
    ['#/inbox', { page: 'inbox', chatId: null }],
    ['#/inbox/c%2F1', { page: 'inbox', chatId: 'c/1' }],
    ['#/settings', { page: 'settings', chatId: null }],
    ['#/stats', { page: 'stats', chatId: null }],
    ['#/nowhere', { page: 'inbox', chatId: null }],
  ])('reads %j as %j', (hash, route) => {
    expect(parseRoute(hash)).toMatchObject(route);
  });

  it('keeps valid filters from the query and drops the others', () => {
    expect(parseRoute('#/inbox/c1?state=closed&tag=VIP&csat=4').filter).toEqual({ state: 'closed', tag: 'VIP', csat: '4' });
    expect(parseRoute('#/inbox?state=lost&csat=9').filter).toEqual({ state: '', tag: '', csat: '' });
  });

  it('writes inbox links that keep the filters', () => {
    expect(inboxHref('c1', { state: 'opened', tag: '', csat: '5' })).toBe('#/inbox/c1?state=opened&csat=5');
    expect(inboxHref(null, { state: '', tag: '', csat: '' })).toBe('#/inbox');
  });
});
