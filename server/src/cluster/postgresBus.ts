/**
 * BUS=postgres: instances hear of each other through the database they share. Each unit of work
 * notifies EVENTS_CHANNEL with `<instance>:<last seq>` inside its transaction (PostgreSQL delivers
 * it at COMMIT, and never for a rollback), so `announce` has nothing to do; another instance's
 * notification makes the feed read the log up to that seq, since a payload must stay under 8,000
 * bytes; an instance's own is skipped (its commits reach its feed directly). Typing and ended
 * sessions go as JSON on a channel of their own.
 */
import type { PgStore } from '../store/pg/PgStore.ts';
import { receiveSignal, type Bus, type BusHandlers, type SignalBody } from './Bus.ts';

/** The channel every commit's last seq is notified on (PgUnits). */
export const EVENTS_CHANNEL = 'sangdam_events';
const SIGNALS_CHANNEL = 'sangdam_signals';

export async function openPostgresBus(store: PgStore, onError: (error: unknown) => void, handlers: BusHandlers): Promise<Bus> {
  const self = store.instanceId;
  const onCommit = (payload: string) => {
    const at = payload.lastIndexOf(':');
    const seq = Number(payload.slice(at + 1));
    if (payload.slice(0, at) !== self) handlers.committed(undefined, Number.isSafeInteger(seq) && seq > 0 ? seq : undefined);
  };
  const stops = [
    await store.listen(EVENTS_CHANNEL, onCommit, () => handlers.connected()),
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
