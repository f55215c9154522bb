import type { ChatProfile } from '../types';
import { builtInField, CUSTOM_KEY, normalizeKey, PRIORITIES, type CustomField, type Writer } from './fields';
import { LIMITS } from '../limits';
import { validateValue } from './validateValue';

/** One refused key, with the rule it breaks. */
export interface ProfileProblem {
  key: string;
  message: string;
}

export type ProfileCheck =
  | { ok: true; profile: ChatProfile }
  | { ok: false; problems: ProfileProblem[]; message: string };

/**
 * Checks a chat-profile write against a channel's schema and returns the values as they are stored.
 * The same code runs in the SDK (before anything travels) and on the server.
 * - keys are normalised (`productName` → `profile.productName`);
 * - `null` clears a key; an empty string or list clears it too;
 * - unknown, archived and read-only keys and wrong types are refused, each with its key and rule.
 * @example validateProfile({ orderId: 'A-1009' }, fields, 'sdk')
 */
export function validateProfile(input: unknown, fields: readonly CustomField[], writer: Writer): ProfileCheck {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return refuse([{ key: 'profile', message: 'profile: must be an object of key → value' }]);
  }
  const entries = Object.entries(input);
  if (entries.length > LIMITS.chatProfileKeys) {
    return refuse([{ key: 'profile', message: `profile: at most ${LIMITS.chatProfileKeys} keys in one write (got ${entries.length})` }]);
  }
  const profile: ChatProfile = {};
  const problems: ProfileProblem[] = [];
  for (const [rawKey, value] of entries) {
    const key = normalizeKey(rawKey);
    const rule = checkKey(key, value, fields, writer);
    if (typeof rule === 'string') problems.push({ key, message: `${key}: ${rule}` });
    else profile[key] = rule.value;
  }
  return problems.length ? refuse(problems) : { ok: true, profile };
}

function refuse(problems: ProfileProblem[]): ProfileCheck {
  return { ok: false, problems, message: problems.map((p) => p.message).join('; ') };
}

/** Returns the stored value, or the rule the key or value breaks. */
function checkKey(key: string, value: unknown, fields: readonly CustomField[], writer: Writer): { value: ChatProfile[string] } | string {
  const builtIn = builtInField(key);
  if (builtIn) {
    if (builtIn.writer !== writer) return builtIn.writer === 'system' ? 'is computed by Sangdam and read-only' : `is written by ${builtIn.writer === 'manager' ? 'managers' : 'the page capture'} only`;
    if (key === 'priority' && value !== null && PRIORITIES.indexOf(value as never) < 0) return `must be one of ${PRIORITIES.join(', ')} or null`;
    const result = validateValue(builtIn.type, value, key === 'source.page' ? LIMITS.url : LIMITS.profileValue);
    return result.ok ? { value: result.value } : result.rule;
  }
  if (!CUSTOM_KEY.test(key)) return 'is not a valid key (profile. followed by a letter, then letters, digits or _)';
  const field = fields.find((candidate) => candidate.key === key);
  if (!field) return "is not a field of this channel's chat profile";
  if (field.archived) return 'is archived and read-only';
  if (field.readyMade && writer !== 'survey') return 'is written by the satisfaction survey only';
  const result = validateValue(field.type, value);
  if (!result.ok) return `${result.rule} (${field.type} field)`;
  const other = field.options && Array.isArray(result.value) ? result.value.find((item) => field.options!.indexOf(item) < 0) : undefined;
  return other === undefined ? { value: result.value } : `${JSON.stringify(other)} is not one of the field's options (${field.options!.join(', ')})`;
}
