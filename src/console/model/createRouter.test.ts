import { describe, expect, it } from 'vitest';
import { matchesFilter, NO_FILTER } from './chatFilter';
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

  it('keeps the filters of a statistics figure and drops a field that is no custom key or has no value', () => {
    expect(parseRoute('#/inbox?product=Shirt&sourcePage=https%3A%2F%2Fshop.example%2Fp&field=profile.plan&value=gold&from=10&to=20').filter).toEqual({
      state: '', tag: '', csat: '', product: 'Shirt', sourcePage: 'https://shop.example/p', field: 'profile.plan', value: 'gold', from: '10', to: '20',
    });
    expect(parseRoute('#/inbox?field=plan&value=gold&from=soon').filter).toEqual({ state: '', tag: '', csat: '' });
    expect(parseRoute('#/inbox?field=profile.plan').filter).toEqual({ state: '', tag: '', csat: '' });
  });

  it('lists a live chat only when it matches the figure’s filters', () => {
    const chat = { id: 'c1', state: 'opened', createdAt: 15, profile: { 'profile.productId': 'SKU-9', 'profile.plan': ['gold'] } } as never;
    expect(matchesFilter(chat, { ...NO_FILTER, product: 'SKU-9', from: '10', to: '20' })).toBe(true);
    expect(matchesFilter(chat, { ...NO_FILTER, product: 'SKU-9', to: '15' })).toBe(false);
    expect(matchesFilter(chat, { ...NO_FILTER, field: 'profile.plan', value: 'gold' })).toBe(true);
    expect(matchesFilter(chat, { ...NO_FILTER, field: 'profile.plan', value: 'silver' })).toBe(false);
    expect(matchesFilter(chat, { ...NO_FILTER, sourcePage: 'https://shop.example/p' })).toBe(false);
  });

  it('writes inbox links that keep the filters', () => {
    expect(inboxHref('c1', { state: 'opened', tag: '', csat: '5' })).toBe('#/inbox/c1?state=opened&csat=5');
    expect(inboxHref(null, { state: '', tag: '', csat: '' })).toBe('#/inbox');
  });
});
