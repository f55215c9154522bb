/** Reader for the query of a realtime poll, `?since=N&client=ID`. */
import type { PollQuery } from '../realtime/pollEvents.ts';
import { SINCE_RULE } from '../realtime/frames.ts';
import { invalid } from './errors.ts';
import * as v from './validate.ts';

const CLIENT = /^[A-Za-z0-9._-]{1,64}$/;

/** `since` is required (a poll always continues from somewhere); `client` defaults to one shared id. */
export function parsePollQuery(query: unknown): PollQuery {
  const values = v.readQuery(query, ['since', 'client']);
  const since = /^\d+$/.test(values.since ?? '') ? Number(values.since) : NaN;
  if (!Number.isSafeInteger(since)) throw invalid(SINCE_RULE);
  const client = values.client ?? '';
  if (client !== '' && !CLIENT.test(client)) throw invalid('client: must be 1 to 64 letters, digits, ".", "-" or "_"');
  return { since, client };
}
