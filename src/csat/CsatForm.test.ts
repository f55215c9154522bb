import { h, render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SCALES, SCORE_LABELS, scaleScores, type Scale } from '../shared/csat/scale';
import type { CsatForm as Survey, Language } from '../shared/types';
import { CsatForm, type CsatFormProps } from './CsatForm';
import { csatStrings } from './csatStrings';
import { trackSignals } from '../browser/trackSignals';

trackSignals();

const root = document.createElement('div');
document.body.appendChild(root);
afterEach(() => render(null, root));

const questions = { ko: '상담은 어떠셨나요?', en: 'How was your conversation?', ja: 'いかがでしたか？' };
const survey = (form: Partial<Survey> = {}): Survey => ({ type: 'csat', scale: 5, required: false, comment: false, questions, answer: null, ...form });

function show(form: Partial<Survey> = {}, props: Partial<CsatFormProps> = {}, language: Language = 'en') {
  const onAnswer = vi.fn();
  const onComment = vi.fn();
  const onSkip = vi.fn();
  render(h(CsatForm, { id: 's1', form: survey(form), language, strings: csatStrings(language), onAnswer, onComment, onSkip, ...props }), root);
  return { onAnswer, onComment, onSkip };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const radios = () => Array.from(root.querySelectorAll<HTMLElement>('[role=radio]'));
const checked = () => radios().map((r) => r.getAttribute('aria-checked'));
const press = (target: Element, key: string) => target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
const button = (text: string) => Array.from(root.querySelectorAll('button')).find((b) => b.textContent === text);

describe('the survey form', () => {
  describe.each(SCALES.map((scale) => [scale] as [Scale]))('on a %i-point scale', (scale) => {
    it(`shows exactly ${scale} faces as radios named by their score labels, worst first`, () => {
      show({ scale });
      const group = root.querySelector('[role=radiogroup]')!;
      expect(radios()).toHaveLength(scale);
      expect(radios().map((r) => r.getAttribute('aria-label'))).toEqual(scaleScores(scale).map((score) => SCORE_LABELS.en[score]));
      expect(root.querySelector('#' + group.getAttribute('aria-labelledby'))?.textContent).toBe('How was your conversation?');
    });

    it('stores the scale score of the chosen face, whichever face it is', () => {
      scaleScores(scale).forEach((score, i) => {
        const { onAnswer } = show({ scale });
        radios()[i].click();
        expect(onAnswer).toHaveBeenCalledExactlyOnceWith(score);
        render(null, root);
      });
    });
  });

  it('stores score 3 when the middle face of a 3-point scale is chosen', () => {
    const { onAnswer } = show({ scale: 3 });
    radios()[1].click();
    expect(onAnswer).toHaveBeenCalledWith(3);
  });

  it('names the faces in the customer language', () => {
    show({ scale: 2 }, {}, 'ko');
    expect(radios().map((r) => r.getAttribute('aria-label'))).toEqual(['매우 불만족', '매우 만족']);
    expect(root.textContent).toContain('상담은 어떠셨나요?');
  });

  it('keeps only one face in the tab order: the first, then the checked one', async () => {
    show();
    expect(radios().map((r) => r.tabIndex)).toEqual([0, -1, -1, -1, -1]);
    press(radios()[0], 'ArrowRight');
    await flush();
    expect(radios().map((r) => r.tabIndex)).toEqual([-1, 0, -1, -1, -1]);
  });

  it('moves focus and the check with the arrow keys, wrapping, without answering', async () => {
    const { onAnswer } = show({ scale: 3 });
    radios()[0].focus();
    press(radios()[0], 'ArrowRight');
    await flush();
    expect(checked()).toEqual(['false', 'true', 'false']);
    expect(document.activeElement).toBe(radios()[1]);
    press(radios()[1], 'ArrowDown');
    await flush();
    expect(checked()).toEqual(['false', 'false', 'true']);
    press(radios()[2], 'ArrowRight');
    await flush();
    expect(checked()).toEqual(['true', 'false', 'false']);
    expect(document.activeElement).toBe(radios()[0]);
    press(radios()[0], 'ArrowLeft');
    await flush();
    press(radios()[2], 'ArrowUp');
    await flush();
    expect(checked()).toEqual(['false', 'true', 'false']);
    expect(onAnswer).not.toHaveBeenCalled();
  });

  it.each([['Enter'], [' ']])('answers with the focused face when %j is pressed', async (key) => {
    const { onAnswer } = show();
    press(radios()[0], 'ArrowRight');
    await flush();
    press(radios()[1], key);
    expect(onAnswer).toHaveBeenCalledExactlyOnceWith(2);
  });

  it('answers at once when a face is chosen and the survey has no comment box', () => {
    const { onAnswer } = show({ comment: false });
    radios()[4].click();
    expect(onAnswer).toHaveBeenCalledWith(5);
    expect(root.querySelector('textarea')).toBeNull();
  });

  const type = async (text: string) => {
    const box = root.querySelector('textarea')!;
    box.value = text;
    box.dispatchEvent(new Event('input', { bubbles: true }));
    await flush();
  };
  const answered = (score: 1 | 2 | 3 | 4 | 5, comment: string | null = null) => ({ answer: { score, comment, answeredAt: 1 } });

  it('stores the score the moment a face is tapped, then opens a labelled comment box whose Send adds the comment', async () => {
    const { onAnswer, onComment } = show({ comment: true });
    expect(root.querySelector('textarea')).toBeNull();
    radios()[3].click();
    await flush();
    expect(onAnswer).toHaveBeenCalledExactlyOnceWith(4);
    const box = root.querySelector('textarea')!;
    expect(root.querySelector(`label[for="${box.id}"]`)?.textContent).toBe('Comment (optional)');
    expect(box.maxLength).toBe(1000);
    await type('  Quick and kind  ');
    button('Send')!.click();
    expect(onComment).toHaveBeenCalledExactlyOnceWith('Quick and kind');
  });

  it('keeps the comment box open once the score is stored, with the chosen face checked and locked', async () => {
    show({ comment: true });
    radios()[1].click();
    await flush();
    const { onAnswer, onComment } = show({ comment: true, ...answered(2) });
    await flush();
    expect(checked()).toEqual(['false', 'true', 'false', 'false', 'false']);
    expect(radios().every((r) => r.getAttribute('aria-disabled') === 'true')).toBe(true);
    expect(root.textContent).toContain('Score saved.');
    expect(root.querySelector('textarea')).not.toBeNull();
    radios()[4].click();
    expect(onAnswer).not.toHaveBeenCalled();
    await type('Kind');
    button('Send')!.click();
    expect(onComment).toHaveBeenCalledWith('Kind');
  });

  it('closes an optional comment box sent empty: the thank-you shows the stored score alone', async () => {
    const { onComment } = show({ comment: true });
    press(radios()[0], 'Enter');
    show({ comment: true, ...answered(1) });
    await flush();
    button('Send')!.click();
    await flush();
    expect(onComment).not.toHaveBeenCalled();
    expect(root.textContent).toContain('Your answer: Very dissatisfied');
    expect(root.querySelector('textarea')).toBeNull();
  });

  it('shows the thank-you, not the comment box, for an optional comment after a reload', () => {
    show({ comment: true, ...answered(5) });
    expect(root.querySelector('textarea')).toBeNull();
    expect(root.textContent).toContain('Your answer: Very satisfied');
  });

  it('asks for a required comment until it is stored, even after a reload, and cannot send it empty', async () => {
    const { onComment } = show({ comment: true, commentRequired: true, required: true, ...answered(3) });
    const box = root.querySelector('textarea')!;
    expect(root.querySelector(`label[for="${box.id}"]`)?.textContent).toBe('Comment (required)');
    expect(box.required).toBe(true);
    expect(button('Send')!.disabled).toBe(true);
    await type('   ');
    expect(button('Send')!.disabled).toBe(true);
    await type('It was fine');
    button('Send')!.click();
    expect(onComment).toHaveBeenCalledWith('It was fine');
  });

  it('lets the customer leave a comment the rule requires when the survey is not, thanking with the stored score', async () => {
    const { onComment } = show({ comment: true, commentRequired: true, ...answered(4) });
    expect(button('Send')!.disabled).toBe(true);
    button('Not now')!.click();
    await flush();
    expect(root.querySelector('textarea')).toBeNull();
    expect(root.textContent).toContain('Your answer: Satisfied');
    expect(onComment).not.toHaveBeenCalled();
    render(null, root);
    show({ comment: true, commentRequired: true, required: true, ...answered(4) });
    expect(button('Not now')).toBeUndefined();
    render(null, root);
    show({ comment: true, commentRequired: true, ...answered(4) }, {}, 'ko');
    expect(button('나중에')).toBeDefined();
  });

  it('keeps one live status region from the sending to the stored score, changing only its text', async () => {
    show({ comment: true });
    radios()[1].click();
    await flush();
    const { onAnswer } = show({ comment: true }, { pending: { score: 2, state: 'sending' } });
    const region = root.querySelector('[role=status]')!;
    expect(region.textContent).toBe('Sending…');
    show({ comment: true, ...answered(2) });
    await flush();
    expect(root.querySelector('[role=status]')).toBe(region);
    expect(region.textContent).toBe('Score saved.');
    expect(onAnswer).not.toHaveBeenCalled();
  });

  it('shows a comment on its way in the thank-you, as sending', () => {
    show({ comment: true, ...answered(4) }, { pending: { comment: 'On its way', state: 'sending' } });
    expect(root.querySelector('.cs-c')?.textContent).toBe('On its way');
    expect(root.querySelector('[role=status]')?.textContent).toBe('Sending…');
  });

  it('shows a refused comment in the box, where it can be sent again', async () => {
    const { onComment } = show({ comment: true, commentRequired: true, ...answered(4) }, { pending: { comment: 'x', state: 'failed', error: 'comment: too late' } });
    expect(root.querySelector('[role=alert]')?.textContent).toBe('comment: too late');
    await type('Again');
    button('Send')!.click();
    expect(onComment).toHaveBeenCalledWith('Again');
  });

  it('shows a skipped survey as a short note, without faces, also while the skip is on its way', () => {
    show({ skippedAt: 5 });
    expect(radios()).toHaveLength(0);
    expect(root.textContent).toContain('You skipped this survey.');
    expect(root.querySelector('button')).toBeNull();
    show({}, { pending: { skip: true, state: 'sending' } });
    expect(root.textContent).toContain('You skipped this survey.');
    expect(root.querySelector('[role=status]')?.textContent).toBe('Sending…');
  });

  it('offers Skip only when the survey is not required', () => {
    const { onSkip } = show({ required: false });
    button('Skip')!.click();
    expect(onSkip).toHaveBeenCalled();
    show({ required: true });
    expect(button('Skip')).toBeUndefined();
    expect(root.textContent).toContain('Required');
  });

  it('shows a pending answer as checked and sending, and lets nothing else be chosen', () => {
    const { onAnswer } = show({}, { pending: { score: 2, state: 'sending' } });
    expect(root.querySelector('textarea')).toBeNull();
    expect(checked()).toEqual(['false', 'true', 'false', 'false', 'false']);
    expect(radios().every((r) => r.getAttribute('aria-disabled') === 'true')).toBe(true);
    expect(root.querySelector('[role=status]')?.textContent).toBe('Sending…');
    radios()[4].click();
    press(radios()[1], 'ArrowRight');
    press(radios()[1], 'Enter');
    expect(onAnswer).not.toHaveBeenCalled();
    expect(button('Skip')).toBeUndefined();
  });

  it('says the pending answer waits for the connection while offline', () => {
    show({}, { pending: { score: 2, state: 'sending' }, offline: true });
    expect(root.querySelector('[role=status]')?.textContent).toBe('Will send when online');
  });

  it('shows why an answer was refused and lets the customer choose again', () => {
    const { onAnswer } = show({}, { pending: { score: 2, state: 'failed', error: 'This survey is closed.' } });
    expect(root.querySelector('[role=alert]')?.textContent).toBe('This survey is closed.');
    radios()[4].click();
    expect(onAnswer).toHaveBeenCalledWith(5);
  });

  it('shows an answered survey read-only: thanks, the chosen face with its name, and the comment as text', () => {
    show({ answer: { score: 4, comment: '<b>Great</b> help', answeredAt: 1 } });
    expect(radios()).toHaveLength(0);
    expect(root.querySelector('textarea, button')).toBeNull();
    expect(root.textContent).toContain('Thank you!');
    expect(root.textContent).toContain('Your answer: Satisfied');
    expect(root.querySelector('.cs-a svg')?.getAttribute('aria-hidden')).toBe('true');
    expect(root.querySelector('.cs-c')?.textContent).toBe('<b>Great</b> help');
    expect(root.querySelector('b')).toBeNull();
  });

  it('draws a different face for every score', () => {
    show({ scale: 5 });
    const mouths = radios().map((r) => r.querySelector('path')!.getAttribute('d'));
    expect(new Set(mouths).size).toBe(5);
  });

  it('keeps keyboard focus in the form when the faces give way to the thank-you', async () => {
    show({ comment: false });
    radios()[4].focus();
    show({ answer: { score: 5, comment: null, answeredAt: 1 } });
    await flush();
    expect(document.activeElement).toBe(root.querySelector('.cs'));
  });
});
