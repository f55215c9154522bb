import { describe, expect, it } from 'vitest';
import { chatKeyTypeOf, DEFAULT_CSAT_SETTINGS, mergeCsatSettings, type CsatSettings } from './settings';
import { surveyApplies } from './surveyApplies';

const on = (filters: Partial<CsatSettings['filters']> = {}): CsatSettings => ({ ...DEFAULT_CSAT_SETTINGS, enabled: true, filters: { ...DEFAULT_CSAT_SETTINGS.filters, ...filters } });
const context = (extra: Partial<Parameters<typeof surveyApplies>[1]> = {}) => ({ userProfile: {}, chatTags: [], insideOperatingHours: true, ...extra });

describe('mergeCsatSettings', () => {
  it('keeps the fields a partial update leaves out', () => {
    const result = mergeCsatSettings(DEFAULT_CSAT_SETTINGS, { enabled: true, questions: { en: 'Happy?' }, filters: { excludeTags: ['컴플레인'] } });
    expect(result).toEqual({
      ok: true,
      settings: {
        ...DEFAULT_CSAT_SETTINGS,
        enabled: true,
        questions: { ...DEFAULT_CSAT_SETTINGS.questions, en: 'Happy?' },
        filters: { ...DEFAULT_CSAT_SETTINGS.filters, excludeTags: ['컴플레인'] },
      },
    });
  });

  it.each([
    [{ scale: 4 }, 'scale: must be 2, 3 or 5'],
    [{ enabled: 'yes' }, 'enabled: must be true or false'],
    [{ colour: 'red' }, 'colour: is not a survey setting'],
    [{ questions: { fr: 'Content ?' } }, 'questions.fr: is not a language (allowed: ko, en, ja)'],
    [{ questions: { ko: '' } }, 'questions.ko: must be a non-empty string of at most 200 characters'],
    [{ filters: { excludeTags: 'complaint' } }, 'filters.excludeTags: must be an array of at most 50 tags'],
    [{ filters: { operatingHours: 'night' } }, 'filters.operatingHours: must be one of any, inside, outside'],
    [{ filters: { profile: [{ key: 'grade', op: 'like', value: 'V' }] } }, 'filters.profile[0].op: must be one of eq, neq, exists, missing'],
    [{ filters: { channel: 'x' } }, 'filters.channel: is not a filter'],
  ])('refuses %j: %s', (patch, message) => {
    const result = mergeCsatSettings(DEFAULT_CSAT_SETTINGS, patch);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(message);
  });
});

describe('surveyApplies', () => {
  it('sends nothing while the survey is off', () => {
    expect(surveyApplies(DEFAULT_CSAT_SETTINGS, context())).toBe(false);
    expect(surveyApplies(on(), context())).toBe(true);
  });

  it('asks VIP customers only when the rule says grade = VIP', () => {
    const vipOnly = on({ profile: [{ key: 'grade', op: 'eq', value: 'VIP' }] });
    expect(surveyApplies(vipOnly, context({ userProfile: { grade: 'VIP' } }))).toBe(true);
    expect(surveyApplies(vipOnly, context({ userProfile: { grade: 'basic' } }))).toBe(false);
    expect(surveyApplies(vipOnly, context())).toBe(false);
  });

  it('skips chats tagged with an excluded tag such as 컴플레인', () => {
    const rule = on({ excludeTags: ['컴플레인'] });
    expect(surveyApplies(rule, context({ chatTags: ['배송', '컴플레인'] }))).toBe(false);
    expect(surveyApplies(rule, context({ chatTags: ['배송'] }))).toBe(true);
  });

  it('asks only chats with an included tag when some are listed', () => {
    const rule = on({ includeTags: ['배송', '교환'] });
    expect(surveyApplies(rule, context({ chatTags: ['교환'] }))).toBe(true);
    expect(surveyApplies(rule, context({ chatTags: [] }))).toBe(false);
  });

  it('follows the operating hours filter', () => {
    expect(surveyApplies(on({ operatingHours: 'inside' }), context({ insideOperatingHours: false }))).toBe(false);
    expect(surveyApplies(on({ operatingHours: 'outside' }), context({ insideOperatingHours: false }))).toBe(true);
    expect(surveyApplies(on({ operatingHours: 'outside' }), context({ insideOperatingHours: true }))).toBe(false);
  });
});

describe('chatKeyTypeOf', () => {
  it('reads a built-in key by its own type and a custom key by its field, and nothing else', () => {
    const typeOf = chatKeyTypeOf([{ key: 'profile.plan', type: 'List' }]);
    expect(typeOf('waitingTime')).toBe('Duration');
    expect(typeOf('tags')).toBe('List');
    expect(typeOf('profile.plan')).toBe('List');
    expect(typeOf('profile.unknown')).toBeUndefined();
    expect(typeOf('plan')).toBeUndefined();
  });
});
