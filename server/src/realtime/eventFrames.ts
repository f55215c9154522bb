/**
 * An event as the frame a socket receives. Every manager socket gets the same frame for an event,
 * and so does every tab of its customer: each is rendered and serialised once per audience, not
 * once per socket.
 */
import type { EventRecord } from '../domain/types.ts';
import { customerEvent, managerEvent } from '../domain/views.ts';

export type AudienceKind = 'customer' | 'manager';

const rendered = new WeakMap<EventRecord, Partial<Record<AudienceKind, string>>>();

/**
 * The `{ type: 'event', event }` frame, as JSON.
 * @example ws.send(eventFrame(event, 'manager'))
 */
export function eventFrame(event: EventRecord, audience: AudienceKind): string {
  let frames = rendered.get(event);
  if (!frames) rendered.set(event, (frames = {}));
  return (frames[audience] ??= JSON.stringify({
    type: 'event',
    event: audience === 'manager' ? managerEvent(event) : customerEvent(event),
  }));
}
