/** Readers for the survey's request bodies: the manager's operating hours. */
import { validateOperatingHours, type OperatingHours } from '../../../src/shared/operatingHours.ts';
import { invalid } from './errors.ts';
import * as v from './validate.ts';

/** `{ timeZone, weekly }`, checked by the shared validator; a PUT replaces the whole week. */
export function parseOperatingHours(body: unknown): OperatingHours {
  const checked = validateOperatingHours(v.readFields(body, ['timeZone', 'weekly']));
  if (!checked.ok) throw invalid(checked.message);
  return checked.hours;
}
