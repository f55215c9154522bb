import { describe, expect, it } from 'vitest';
import type { CsatForm } from '../../shared/types';
import { chat, message } from '../test/fakeServer';
import { NO_FILTER } from './chatFilter';
import { upsertChat, upsertMessages } from './chatList';

const survey = (answer: CsatForm['answer']): CsatForm => ({ type: 'csat', scale: 3, required: false, comment: false, questions: { ko: '?', en: '?', ja: '?' }, answer });

describe('upsertChat', () => {
  it('replaces a chat by id and keeps the list newest first', () => {
    const [a, b] = [chat('a'), chat('b')];
    const reply = message('a', 'customer', 'again');
    const list = upsertChat([b, a], { ...a, lastMessage: reply, updatedAt: reply.createdAt }, NO_FILTER);
    expect(list.map((c) => c.id)).toEqual(['a', 'b']);
    expect(list[0].lastMessage?.text).toBe('again');
  });

  it('never lets an older copy replace a newer one', () => {
    const a = chat('a', {}, { tags: ['new'] });
    const list = upsertChat([a], { ...a, updatedAt: a.updatedAt - 1, profile: { ...a.profile, tags: ['old'] } }, NO_FILTER);
    expect(list[0].profile.tags).toEqual(['new']);
  });

  it('removes a chat that leaves the filter and skips one that never matched', () => {
    const a = chat('a');
    expect(upsertChat([a], { ...a, state: 'closed', updatedAt: a.updatedAt + 1 }, { ...NO_FILTER, state: 'opened' })).toEqual([]);
    expect(upsertChat([], chat('b', {}, { 'profile.csat': 3 }), { ...NO_FILTER, csat: '5' })).toEqual([]);
    expect(upsertChat([], chat('c', {}, { tags: ['배송'] }), { ...NO_FILTER, tag: '배송' })).toHaveLength(1);
  });
});

describe('upsertMessages', () => {
  it('replaces a survey re-sent with its answer and keeps seq order', () => {
    const asked = message('a', 'bot', 'How was it?', { form: survey(null) });
    const first = message('a', 'customer', 'hi', { seq: asked.seq - 5 });
    const answered = { ...asked, form: survey({ score: 5, comment: null, answeredAt: 1 }) };
    const list = upsertMessages([first, asked], [answered]);
    expect(list.map((m) => m.id)).toEqual([first.id, asked.id]);
    expect(list[1].form?.answer?.score).toBe(5);
  });

  it('keeps the answered survey when an unanswered copy is replayed after it', () => {
    const asked = message('a', 'bot', 'How was it?', { form: survey(null) });
    const answered = { ...asked, form: survey({ score: 1, comment: 'slow', answeredAt: 1 }) };
    expect(upsertMessages([answered], [asked])[0].form?.answer?.comment).toBe('slow');
  });
});
