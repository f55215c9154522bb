import { beforeEach, describe, expect, it } from 'vitest';
import { createDrafts, KEPT_DRAFTS } from './createDrafts';

const KEY = 'sangdam:key:outbox:u1:drafts';

beforeEach(() => localStorage.clear());

describe('composer drafts', () => {
  it('keep each chat’s text, the new chat’s under its own key, across a reload', () => {
    const drafts = createDrafts(KEY);
    drafts.set('c1', 'About my order');
    drafts.set('', 'A new question');
    const reloaded = createDrafts(KEY);
    expect(reloaded.get('c1')).toBe('About my order');
    expect(reloaded.get('')).toBe('A new question');
    expect(reloaded.get('c2')).toBe('');
  });

  it('forget a chat’s draft once it is emptied, and leave nothing stored when none is left', () => {
    const drafts = createDrafts(KEY);
    drafts.set('c1', 'Sent soon');
    drafts.set('c1', '');
    expect(drafts.get('c1')).toBe('');
    expect(localStorage.getItem(KEY)).toBeNull();
  });

  it('keep only the most recently written drafts', () => {
    const drafts = createDrafts(KEY);
    for (let i = 0; i <= KEPT_DRAFTS; i++) drafts.set(`c${i}`, `draft ${i}`);
    drafts.set('c1', 'written again');
    const reloaded = createDrafts(KEY);
    expect(reloaded.get('c0')).toBe('');
    expect(reloaded.get('c1')).toBe('written again');
    expect(reloaded.get(`c${KEPT_DRAFTS}`)).toBe(`draft ${KEPT_DRAFTS}`);
  });
});
