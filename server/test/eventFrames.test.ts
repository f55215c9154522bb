import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../src/domain/types.ts';
import { customerEvent, managerEvent } from '../src/domain/views.ts';
import { eventFrame } from '../src/realtime/eventFrames.ts';

const event: EventRecord = {
  seq: 7,
  channelId: 'channel',
  userId: 'user',
  chatId: 'chat',
  type: 'message',
  createdAt: 1,
  payload: {
    chat: { id: 'chat', state: 'opened', userId: 'user', profile: { priority: 'high', waitingTime: 5 }, createdAt: 1, updatedAt: 1, lastMessage: null },
    user: { id: 'user', name: 'Mina', memberId: null, memberVerified: false },
    unread: 1,
    message: { id: 'm', chatId: 'chat', author: 'manager', text: 'Hi', createdAt: 1, seq: 7 },
  },
};

describe('event frames', () => {
  it('give each audience its own view of the event, the same frame for every socket', () => {
    expect(JSON.parse(eventFrame(event, 'manager'))).toEqual({ type: 'event', event: managerEvent(event) });
    expect(JSON.parse(eventFrame(event, 'customer'))).toEqual({ type: 'event', event: customerEvent(event) });
    expect(JSON.parse(eventFrame(event, 'customer')).event.chat.profile).not.toHaveProperty('priority');
    expect(eventFrame(event, 'manager')).toBe(eventFrame(event, 'manager'));
  });
});
