import { describe, expect, it } from 'vitest';
import { validateArgs } from '../core/validateArgs';
import { LIMITS } from './limits';
import { validateValue } from './profile/validateValue';

const EMOJI = '😀'; // two UTF-16 units, one character

describe('LIMITS: one number per rule, counted in characters on both sides', () => {
  it('lets the SDK take as many emoji as the limit says, and refuses one more', () => {
    const warn = () => undefined;
    expect(validateArgs('track', [EMOJI.repeat(LIMITS.eventName)], warn)).toBeUndefined();
    expect(validateArgs('track', [EMOJI.repeat(LIMITS.eventName + 1)], warn)).toBe(`track: eventName must be a string of 1 to ${LIMITS.eventName} characters`);
    expect(validateArgs('addTags', [[EMOJI.repeat(LIMITS.tag)]], warn)).toBeUndefined();
    expect(validateArgs('addTags', [['한'.repeat(LIMITS.tag + 1)]], warn)).toMatch(`at most ${LIMITS.tag} characters`);
  });

  it('counts chat-profile texts and list items in characters', () => {
    expect(validateValue('String', EMOJI.repeat(LIMITS.profileValue))).toEqual({ ok: true, value: EMOJI.repeat(LIMITS.profileValue) });
    expect(validateValue('String', EMOJI.repeat(LIMITS.profileValue + 1))).toEqual({ ok: false, rule: `must be at most ${LIMITS.profileValue} characters (got ${LIMITS.profileValue + 1})` });
    expect(validateValue('List', [EMOJI.repeat(LIMITS.chatListItem)]).ok).toBe(true);
  });

  it('gives the SDK the server’s stricter counts for profile keys and event properties', () => {
    const warnings: string[] = [];
    const props = Object.fromEntries(Array.from({ length: LIMITS.eventProperties + 1 }, (_, i) => [`p${i}`, i]));
    const args: unknown[] = ['Viewed', props];
    validateArgs('track', args, (m) => warnings.push(m));
    expect(Object.keys(args[1] as object)).toHaveLength(30);
    expect(warnings).toEqual([`track: properties.p30 is not a value Sangdam can store; left out`]);
    expect(LIMITS.profileKeys).toBe(50);
  });
});
