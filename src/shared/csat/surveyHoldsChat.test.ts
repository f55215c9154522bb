import { describe, expect, it } from 'vitest';
import type { CsatForm } from '../types';
import { surveyHoldsChat } from './surveyHoldsChat';
import { surveyProgress } from './surveyProgress';

const questions = { ko: '', en: 'How was it?', ja: '' };
const form = (changes: Partial<CsatForm> = {}): CsatForm => ({ type: 'csat', scale: 5, required: true, comment: true, commentRequired: false, questions, answer: null, ...changes });
const scored = { score: 4 as const, comment: null, answeredAt: 1 };

describe('whether a survey holds its chat', () => {
  it('holds while a required survey has no score, and lets go once it has one', () => {
    expect(surveyHoldsChat(form())).toBe(true);
    expect(surveyHoldsChat(form({ answer: scored }))).toBe(false);
  });

  it('with commentRequired holds until the comment is stored too', () => {
    expect(surveyHoldsChat(form({ commentRequired: true, answer: scored }))).toBe(true);
    expect(surveyHoldsChat(form({ commentRequired: true, answer: { ...scored, comment: 'Kind' } }))).toBe(false);
    // commentRequired counts only with a comment box
    expect(surveyHoldsChat(form({ comment: false, commentRequired: true, answer: scored }))).toBe(false);
  });

  it('never holds for a survey that is not required, or none at all', () => {
    expect(surveyHoldsChat(form({ required: false }))).toBe(false);
    expect(surveyHoldsChat(undefined)).toBe(false);
  });
});

describe('how far a survey has come', () => {
  it('goes from waiting to scored to settled (commented or skipped)', () => {
    expect(surveyProgress(undefined)).toBe(0);
    expect(surveyProgress(form())).toBe(0);
    expect(surveyProgress(form({ answer: scored }))).toBe(1);
    expect(surveyProgress(form({ answer: { ...scored, comment: 'Kind' } }))).toBe(2);
    expect(surveyProgress(form({ skippedAt: 3 }))).toBe(2);
  });
});
