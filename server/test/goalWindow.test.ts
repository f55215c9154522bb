import { describe, expect, it } from 'vitest';
import { achievedChat, DAY_MS, expiredChat, startedGoal } from '../src/domain/goals.ts';
import { marketingOf } from '../src/domain/marketing.ts';
import type { ChatRecord } from '../src/domain/types.ts';

const CREATED = Date.UTC(2026, 11, 1);

function chatUnder(goal: { eventName: string | null; windowDays: number }): ChatRecord {
  const started = startedGoal(goal, CREATED);
  return {
    id: 'c1', channelId: 'ch', userId: 'u1', state: 'opened', profile: started.profile, clientId: 'k',
    readSeq: 0, createdAt: CREATED, updatedAt: CREATED, activityAt: CREATED,
    ...(started.goalDeadline === undefined ? {} : { goalDeadline: started.goalDeadline }),
  };
}

describe('the goal window', () => {
  const chat = chatUnder({ eventName: 'Purchase', windowDays: 3 });

  it('starts pending with the goal event and a deadline windowDays after creation', () => {
    expect(chat.profile).toEqual({ goalEventName: 'Purchase', goalState: 'pending' });
    expect(chat.goalDeadline).toBe(CREATED + 3 * DAY_MS);
  });

  it('is achieved by the event inside the window, at the event time, and then no longer waits', () => {
    const at = CREATED + DAY_MS;
    const achieved = achievedChat(chat, 'Purchase', at)!;
    expect(achieved.profile).toEqual({ goalEventName: 'Purchase', goalState: 'achieved', goalCheckedAt: at });
    expect(achieved.goalDeadline).toBeUndefined();
    expect(achievedChat(achieved, 'Purchase', at + 1)).toBeNull();
  });

  it('counts an event exactly at the edge, not one a millisecond later', () => {
    expect(achievedChat(chat, 'Purchase', CREATED + 3 * DAY_MS)?.profile.goalState).toBe('achieved');
    expect(achievedChat(chat, 'Purchase', CREATED + 3 * DAY_MS + 1)).toBeNull();
  });

  it('ignores other events', () => {
    expect(achievedChat(chat, 'AddToCart', CREATED + 1)).toBeNull();
  });

  it('is not achieved once the window has passed, and unchanged up to the edge', () => {
    expect(expiredChat(chat, CREATED + 3 * DAY_MS)).toBeNull();
    const expired = expiredChat(chat, CREATED + 3 * DAY_MS + 1)!;
    expect(expired.profile).toEqual({ goalEventName: 'Purchase', goalState: 'not_achieved' });
    expect(expired.goalDeadline).toBeUndefined();
  });

  it('gives nothing to a chat started while goals are off', () => {
    const off = chatUnder({ eventName: null, windowDays: 3 });
    expect(off.profile).toEqual({});
    expect(off.goalDeadline).toBeUndefined();
    expect(achievedChat(off, 'Purchase', CREATED + 1)).toBeNull();
    expect(expiredChat(off, CREATED + 10 * DAY_MS)).toBeNull();
  });

  it("keeps the chat's own goal event when the channel goal changes afterwards", () => {
    // The chat carries its copy; the channel's new goal is not consulted.
    expect(achievedChat(chat, 'Signup', CREATED + 1)).toBeNull();
    expect(achievedChat(chat, 'Purchase', CREATED + 1)?.profile.goalEventName).toBe('Purchase');
  });
});

describe('marketing from the source page', () => {
  it.each([
    ['https://shop.example/?utm_source=news&utm_campaign=spring', { 'source.marketing.type': 'utm', 'source.marketing.id': 'spring' }],
    ['https://shop.example/?utm_source=news', { 'source.marketing.type': 'utm', 'source.marketing.id': 'news' }],
    ['https://shop.example/?utm_medium=email', { 'source.marketing.type': 'utm' }],
    ['https://shop.example/?ref=x', {}],
    ['not a url', {}],
    [undefined, {}],
  ])('%s', (page, expected) => {
    expect(marketingOf(page)).toEqual(expected);
  });
});
