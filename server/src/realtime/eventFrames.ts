/**
 * An event as the frame a socket receives. Every manager socket gets the same frame for an event,
 * and so does every tab of its customer: each is rendered and serialised once per audience, not
 * once per socket. A poll over HTTPS answers with the same view of each event.
 */
import type { RealtimeEvent } from '../../../src/shared/types.ts';
import type { EventRecord } from '../domain/types.ts';
import type { ManagerEvent } from '../../../src/shared/managerApi.ts';
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
  return (frames[audience] ??= JSON.stringify({ type: 'event', event: eventView(event, audience) }));
}

/**
 * What one audience may see of an event: a customer never sees the manager's fields.
 * @example const events = records.map((event) => eventView(event, 'customer'))
 */
export function eventView(event: EventRecord, audience: 'customer'): RealtimeEvent;
export function eventView(event: EventRecord, audience: AudienceKind): RealtimeEvent | ManagerEvent;
export function eventView(event: EventRecord, audience: AudienceKind): RealtimeEvent | ManagerEvent {
  return audience === 'manager' ? managerEvent(event) : customerEvent(event);
}
