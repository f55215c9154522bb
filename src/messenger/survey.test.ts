import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SurveyForm } from '../core/contract';
import * as surveyForm from '../csat/index';
import { chat, flush, message, survey } from './test/fakeServices';
import { $, $$, cleanup, focused, start, texts, ui } from './test/harness';

afterEach(cleanup);

const radios = () => $$('[role=radio]');
const button = (text: string) => $$('button').find((b) => b.textContent === text);

/** A closed chat whose last message is the bot's survey. */
function surveyed(form: Parameters<typeof survey>[1] = {}) {
  const question = message('c1', 'customer', 'Where is my order?');
  const asked = survey('c1', form);
  start([chat('c1', asked, { state: 'closed' })], { c1: [question, asked] });
  ui.view!.show({ chatId: 'c1' });
  return asked;
}

describe('the survey in the thread', () => {
  it('shows a survey message as the bot form instead of a text bubble', async () => {
    surveyed();
    await flush();
    expect(texts('[role=log] .bub')).toEqual(['Where is my order?']);
    const form = $('[role=log] .msg.sv')!;
    expect(form.querySelector('.who')?.textContent).toBe('Sangdam Bot');
    expect(form.querySelector('[role=radiogroup]')).not.toBeNull();
    expect(radios()).toHaveLength(5);
  });

  it('loads the form only for a thread that holds a survey, showing the question as a message until it is here', async () => {
    const question = message('c1', 'customer', 'Where is my order?');
    start([chat('c1', question), chat('c2', survey('c2'))], { c1: [question], c2: [survey('c2')] });
    ui.view!.show({ chatId: 'c1' });
    await flush();
    expect(ui.fake.services.loadSurvey).not.toHaveBeenCalled();
    let arrive!: (form: SurveyForm) => void;
    ui.fake.services.loadSurvey.mockReturnValueOnce(new Promise((resolve) => (arrive = resolve)));
    ui.view!.show({ chatId: 'c2' });
    await flush();
    expect(ui.fake.services.loadSurvey).toHaveBeenCalledOnce();
    expect($('[role=log] .msg.sv .bub')?.textContent).toBe('How was your conversation?');
    expect(radios()).toHaveLength(0);
    arrive(surveyForm);
    await flush();
    expect(radios()).toHaveLength(5);
    expect($('[role=log] .msg.sv .bub')).toBeNull();
  });

  it('offers to try again when the form failed to load, and shows it once it has', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const question = message('c1', 'customer', 'Where is my order?');
    const asked = survey('c1');
    start([chat('c1', asked, { state: 'closed' })], { c1: [question, asked] });
    ui.fake.services.loadSurvey.mockRejectedValueOnce(new Error('survey.js: failed to fetch'));
    ui.view!.show({ chatId: 'c1' });
    await flush();
    expect(radios()).toHaveLength(0);
    expect($('[role=log] .msg.sv')?.textContent).toContain('Could not load.');
    expect(error).toHaveBeenCalled();
    button('Try again')!.click();
    await flush();
    expect(ui.fake.services.loadSurvey).toHaveBeenCalledTimes(2);
    expect(radios()).toHaveLength(5);
    expect($('[role=log] .msg.sv')?.textContent).not.toContain('Could not load.');
    error.mockRestore();
  });

  it('answers through the answer box, shows the choice as sending, then thanks once acknowledged', async () => {
    const asked = surveyed();
    await flush();
    radios()[3].click();
    await flush();
    expect(ui.fake.services.answerSurvey).toHaveBeenCalledWith('c1', asked.id, 4);
    expect(radios()[3].getAttribute('aria-checked')).toBe('true');
    expect($('.cs [role=status]')?.textContent).toBe('Sending…');

    ui.fake.acknowledgeAnswer(asked.id);
    await flush();
    expect(radios()).toHaveLength(0);
    expect($('.cs')?.textContent).toContain('Your answer: Satisfied');
    expect($('[role=status][aria-live=polite]')?.textContent).toBe('Thank you!');
  });

  it('stores the score at the tap, then adds the comment to it through the answer box, and thanks with both', async () => {
    const asked = surveyed({ comment: true });
    await flush();
    radios()[0].click();
    await flush();
    expect(ui.fake.services.answerSurvey).toHaveBeenCalledWith('c1', asked.id, 1);
    const box = $<HTMLTextAreaElement>('.cs textarea')!;
    box.value = 'Too slow';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    await flush();
    button('Send')!.click();
    await flush();
    expect(ui.fake.services.commentSurvey).toHaveBeenCalledWith('c1', asked.id, 'Too slow');
    ui.fake.acknowledgeAnswer(asked.id);
    ui.fake.acknowledgeAnswer(asked.id);
    await flush();
    expect($('.cs')?.textContent).toContain('Your answer: Very dissatisfied');
    expect($('.cs .cs-c')?.textContent).toBe('Too slow');
  });

  it('replaces the stored survey when the server sends it again answered, so the answer appears live', async () => {
    const asked = surveyed();
    await flush();
    ui.fake.deliver({ ...asked, form: { ...asked.form!, answer: { score: 5, comment: 'Great', answeredAt: 2 } } });
    await flush();
    expect($$('.cs')).toHaveLength(1);
    expect($('.cs')?.textContent).toContain('Your answer: Very satisfied');
    expect($('.cs')?.textContent).toContain('Great');
  });

  it('keeps the answered survey when an older unanswered copy arrives later', async () => {
    const asked = surveyed();
    await flush();
    ui.fake.deliver({ ...asked, form: { ...asked.form!, answer: { score: 5, comment: null, answeredAt: 2 } } });
    ui.fake.deliver(asked);
    await flush();
    expect(radios()).toHaveLength(0);
    expect($('.cs')?.textContent).toContain('Thank you!');
  });

  it('keeps the commented or skipped copy when an older copy arrives later', async () => {
    const asked = surveyed({ comment: true });
    await flush();
    const scored = { ...asked, form: { ...asked.form!, answer: { score: 4 as const, comment: null, answeredAt: 2 } } };
    ui.fake.deliver({ ...asked, form: { ...scored.form, answer: { ...scored.form.answer, comment: 'Kind' } } });
    ui.fake.deliver(scored);
    await flush();
    expect($('.cs .cs-c')?.textContent).toBe('Kind');
  });

  it('announces a new survey in the live region', async () => {
    start([chat('c1', null)], { c1: [] });
    ui.view!.show({ chatId: 'c1' });
    await flush();
    ui.fake.deliver(survey('c1'));
    await flush();
    expect($('[role=status][aria-live=polite]')?.textContent).toBe('Please rate this conversation.');
    expect(radios()).toHaveLength(5);
  });

  it('records a skip through the answer box and shows the survey as skipped, also after opening the thread again', async () => {
    const asked = surveyed({ required: false });
    await flush();
    button('Skip')!.click();
    await flush();
    expect(ui.fake.services.skipSurvey).toHaveBeenCalledWith('c1', asked.id);
    expect(radios()).toHaveLength(0);
    ui.fake.acknowledgeAnswer(asked.id);
    ui.view!.show();
    await flush();
    ui.view!.show({ chatId: 'c1' });
    await flush();
    expect(texts('[role=log] .bub')).toEqual(['Where is my order?']);
    expect($('.cs')?.textContent).toContain('You skipped this survey.');
    expect(radios()).toHaveLength(0);
  });

  it('replaces the composer of a chat held by its required survey, moves focus into the form, and gives it back once answered', async () => {
    const asked = surveyed({ required: true });
    await flush();
    expect($('#sd-input')).toBeNull();
    expect($('.panel > .note')?.textContent).toBe('Please answer the survey above to keep writing.');
    expect(focused()).toBe(radios()[0]);
    radios()[2].click();
    await flush();
    expect($('#sd-input')).toBeNull();
    ui.fake.acknowledgeAnswer(asked.id);
    await flush();
    expect($('.panel > .note')).toBeNull();
    expect(focused()).toBe($('#sd-input'));
  });

  it('leaves the focus in the comment box of a required survey when its score is stored, so the comment does not go to the composer', async () => {
    const asked = surveyed({ required: true, comment: true });
    await flush();
    radios()[3].click();
    await flush();
    const box = $<HTMLTextAreaElement>('.cs textarea')!;
    box.focus();
    box.value = 'Quick';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    ui.fake.acknowledgeAnswer(asked.id);
    await flush();
    expect($('#sd-input')).not.toBeNull();
    expect(focused()).toBe($('.cs textarea'));
  });

  it('with commentRequired keeps the composer away until the comment is stored too', async () => {
    const asked = surveyed({ required: true, comment: true, commentRequired: true });
    await flush();
    radios()[4].click();
    ui.fake.acknowledgeAnswer(asked.id);
    await flush();
    expect($('#sd-input')).toBeNull();
    const box = $<HTMLTextAreaElement>('.cs textarea')!;
    box.value = 'Lovely';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    await flush();
    button('Send')!.click();
    ui.fake.acknowledgeAnswer(asked.id);
    await flush();
    expect($('#sd-input')).not.toBeNull();
  });

  it('leaves the composer of other chats, and of chats whose survey is not required, alone', async () => {
    const held = survey('c1', { required: true });
    const free = survey('c2', { required: false });
    start([chat('c1', held), chat('c2', free), chat('c3', null)], { c1: [held], c2: [free], c3: [] });
    ui.view!.show({ chatId: 'c2' });
    await flush();
    expect($('#sd-input')).not.toBeNull();
    ui.view!.show({ chatId: 'c3' });
    await flush();
    expect($('#sd-input')).not.toBeNull();
  });

  it('offers no skip for a required survey', async () => {
    surveyed({ required: true });
    await flush();
    expect(button('Skip')).toBeUndefined();
  });

  it('shows the answer an earlier page left waiting as chosen and sending', async () => {
    const question = message('c1', 'customer', 'Where is my order?');
    const asked = survey('c1', { scale: 3 });
    start([chat('c1', asked)], { c1: [question, asked] });
    ui.fake.leftBehind({ answerId: 'a-old', chatId: 'c1', messageId: asked.id, score: 5, state: 'sending' });
    ui.view!.show({ chatId: 'c1' });
    await flush();
    expect(radios().map((r) => r.getAttribute('aria-checked'))).toEqual(['false', 'false', 'true']);
    expect($('.cs [role=status]')?.textContent).toBe('Sending…');
    radios()[0].click();
    expect(ui.fake.services.answerSurvey).not.toHaveBeenCalled();
  });

  it('shows why an answer was refused and takes a new choice', async () => {
    const asked = surveyed();
    await flush();
    radios()[1].click();
    await flush();
    ui.fake.refuseAnswer(asked.id, 'This survey is no longer open.');
    await flush();
    expect($('.cs [role=alert]')?.textContent).toBe('This survey is no longer open.');
    radios()[2].click();
    await flush();
    expect(ui.fake.services.answerSurvey).toHaveBeenLastCalledWith('c1', asked.id, 3);
    expect($('.cs [role=alert]')).toBeNull();
  });

  it('still moves focus to the composer, not the survey comment box, when the thread is shown', async () => {
    surveyed({ comment: true });
    await flush();
    radios()[2].click();
    await flush();
    ui.view!.show({ chatId: 'c1' });
    await flush();
    expect(focused()).toBe($('#sd-input'));
  });
});
