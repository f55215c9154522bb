/**
 * BUS=postgres: instances hear of each other through the database they share. Each unit of work
 * notifies EVENTS_CHANNEL with its last seq inside its transaction (PostgreSQL delivers it at
 * COMMIT, and never for a rollback), so `announce` has nothing to do; a notification only makes
 * the feed read the log, since a payload must stay under 8,000 bytes. Typing and ended sessions
 * go as JSON on a channel of their own.
 */
import type { PgStore } from '../store/pg/PgStore.ts';
import { receiveSignal, type Bus, type BusHandlers, type SignalBody } from './Bus.ts';

/** The channel every commit's last seq is notified on (PgUnits). */
export const EVENTS_CHANNEL = 'sangdam_events';
const SIGNALS_CHANNEL = 'sangdam_signals';

export async function openPostgresBus(store: PgStore, self: string, onError: (error: unknown) => void, handlers: BusHandlers): Promise<Bus> {
  const stops = [
    await store.listen(EVENTS_CHANNEL, () => handlers.committed(), () => handlers.connected()),
    await store.listen(SIGNALS_CHANNEL, (text) => receiveSignal(text, self, handlers), () => undefined),
  ];
  const signal = (body: SignalBody) => void store.notify(SIGNALS_CHANNEL, JSON.stringify({ from: self, ...body })).catch(onError);
  return {
    announce: () => undefined,
    typing: (typing) => signal({ typing }),
    sessionEnded: (kind, tokenHash) => signal({ ended: { kind, tokenHash } }),
    async close() {
      await Promise.allSettled(stops.map((stop) => stop()));
    },
  };
}
