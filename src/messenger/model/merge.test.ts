import { describe, expect, it } from 'vitest';
import type { WidgetChat } from '../../shared/types';
import { upsertChat } from './merge';

const chat = (state: WidgetChat['state'], updatedAt: number): WidgetChat => ({
  id: 'c1', state, userId: 'u1', profile: { state }, createdAt: 1, updatedAt, lastMessage: null, unread: 0,
});

describe('upsertChat', () => {
  it('keeps a chat closed by a realtime event when an older copy arrives from a slower request', () => {
    const afterEvent = upsertChat([chat('opened', 10)], chat('closed', 20));
    expect(upsertChat(afterEvent, chat('opened', 10))[0].state).toBe('closed');
  });

  it('takes a newer copy of a chat', () => {
    expect(upsertChat([chat('closed', 20)], chat('opened', 30))[0].state).toBe('opened');
  });
});
