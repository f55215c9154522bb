/** Readers for the profile-field routes of the manager API (the chat-profile schema). */
import {
  builtInField,
  CUSTOM_KEY,
  FIELD_TYPES,
  normalizeKey,
  type LocalizedNames,
} from '../../../src/shared/profile/index.ts';
import { fieldNotFound, type FieldChanges, type NewField } from '../domain/profileFields.ts';
import { HttpError, invalid } from './errors.ts';
import { LIMITS } from '../../../src/shared/limits.ts';
import * as v from './validate.ts';

const LANGUAGES = ['ko', 'en', 'ja'] as const;
const NAME_MAX = 100;
const KEY_RULE = 'profile. followed by a letter, then up to 49 letters, digits or _';

/** `key` of `POST`: with or without `profile.`, stored with it. */
function readNewKey(fields: v.Fields): string {
  const raw = v.requiredString(fields, 'key', { max: 100 });
  const key = normalizeKey(raw);
  if (builtInField(key)) throw invalid(`key: ${key} is a built-in key; custom keys are ${KEY_RULE}`);
  if (!CUSTOM_KEY.test(key)) throw invalid(`key: must be ${KEY_RULE} (got ${JSON.stringify(raw)})`);
  return key;
}

/**
 * The `:key` of a route, normalised. A built-in key is refused with its own reason; a key that
 * no custom field could have is simply not found.
 */
export function readFieldKey(raw: string): string {
  const key = normalizeKey(raw);
  if (builtInField(key)) {
    const message = `${key}: is a built-in field; built-in fields cannot be changed or deleted`;
    throw new HttpError(400, 'built_in_field', message);
  }
  if (!CUSTOM_KEY.test(key)) {
    throw fieldNotFound(key);
  }
  return key;
}

/** `{ ko?, en?, ja? }`, each a name of 1 to 100 characters, or null (to remove it) when allowed. */
function readNames(fields: v.Fields, nullable: boolean) {
  const names = v.optionalObject(fields, 'names');
  if (names === undefined) return undefined;
  const read = v.readFields(names, LANGUAGES, 'names');
  const result: { [L in keyof LocalizedNames]?: string | null } = {};
  for (const language of LANGUAGES) {
    const name = read[language];
    if (name === undefined) continue;
    if (name === null && nullable) result[language] = null;
    else if (typeof name === 'string' && name.trim() !== '' && [...name].length <= NAME_MAX) {
      result[language] = name;
    } else {
      throw invalid(`names.${language}: must be a string of 1 to ${NAME_MAX} characters${nullable ? ' or null' : ''}`);
    }
  }
  return result;
}

function readOrder(fields: v.Fields): number | undefined {
  const order = fields.order;
  if (order === undefined) return undefined;
  if (typeof order !== 'number' || !Number.isInteger(order) || order < 0) {
    throw invalid('order: must be an integer of 0 or more (the position among the fields, from 0)');
  }
  return order;
}

/** `options`: the distinct items a List field allows (1 to 50, each 1 to 100 characters), or null for any. */
function readOptions(fields: v.Fields): string[] | null | undefined {
  if (fields.options === null) return null;
  const options = v.optionalStringList(fields, 'options', LIMITS.chatListItems, LIMITS.chatListItem);
  if (options !== undefined && options.length === 0) throw invalid('options: must hold at least one item, or be null for any');
  return options;
}

export function parseNewField(body: unknown): NewField {
  const fields = v.readFields(body, ['key', 'type', 'names', 'order', 'options']);
  const key = readNewKey(fields);
  const type = v.optionalOneOf(fields, 'type', FIELD_TYPES);
  if (!type) throw v.missing('type', `one of ${FIELD_TYPES.join(', ')}`);
  const names = (readNames(fields, false) ?? {}) as LocalizedNames;
  const order = readOrder(fields);
  const options = readOptions(fields) ?? undefined;
  return { key, type, names, ...(order === undefined ? {} : { order }), ...(options ? { options } : {}) };
}

export function parseFieldChanges(body: unknown): FieldChanges {
  const fields = v.readFields(body, ['names', 'order', 'archived', 'options', 'key', 'type']);
  if (fields.key !== undefined) throw invalid('key: cannot be changed; create a new field and archive this one');
  if (fields.type !== undefined) {
    throw invalid(
      'type: cannot be changed, since stored values have this type; create a new field and archive this one',
    );
  }
  const changes: FieldChanges = {};
  const names = readNames(fields, true);
  if (names) changes.names = names;
  const order = readOrder(fields);
  if (order !== undefined) changes.order = order;
  const archived = v.optionalBoolean(fields, 'archived');
  if (archived !== undefined) changes.archived = archived;
  const options = readOptions(fields);
  if (options !== undefined) changes.options = options;
  return changes;
}
