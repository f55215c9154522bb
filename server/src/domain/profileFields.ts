/**
 * A channel's chat-profile schema (SPEC §2.2–2.3): the custom fields managers add, rename,
 * reorder, archive and delete. Built-in keys are not stored; they always exist. Orders stay
 * 0..n-1 without gaps, archived fields included, so a panel can sort by them directly.
 */
import {
  READY_MADE_FIELDS,
  type CustomField,
  type FieldType,
  type LocalizedNames,
} from '../../../src/shared/profile/index.ts';
import type { Store, StoreTx } from '../store/Store.ts';
import { DomainError } from './errors.ts';

/** Every field counts, archived and ready-made ones too: a panel and an export stay readable. */
export const MAX_CUSTOM_FIELDS = 100;

/** The product fields the demo channel ships with, filled by page capture (SPEC §2.4). */
const demoField = (key: string, ko: string, en: string, ja: string): CustomField => ({
  key,
  type: 'String',
  names: { ko, en, ja },
  order: 0,
  archived: false,
});
export const DEMO_PRODUCT_FIELDS: readonly CustomField[] = [
  demoField('profile.productName', '상품명', 'Product name', '商品名'),
  demoField('profile.productId', '상품 ID', 'Product ID', '商品ID'),
];

export interface NewField {
  /** Already normalised and checked against CUSTOM_KEY. */
  key: string;
  type: FieldType;
  names: LocalizedNames;
  /** Position to insert at; the end when absent. */
  order?: number;
  /** A List field's allowed items. */
  options?: string[];
}

export interface FieldChanges {
  /** Merged into the stored names; `null` removes one language. */
  names?: { [L in keyof LocalizedNames]?: string | null };
  order?: number;
  archived?: boolean;
  /** A List field's allowed items; `null` allows any again. Values stored before are kept. */
  options?: string[] | null;
}

const optionsOfList = (key: string, type: string) =>
  new DomainError('invalid', 'invalid_request', `options: only a List field takes options (${key} is a ${type} field)`);

export const fieldNotFound = (key: string) =>
  new DomainError('not_found', 'field_not_found', `${key}: no such field in this channel's chat profile`);
const readyMade = (key: string, what: string) =>
  new DomainError('invalid', 'ready_made_field', `${key}: is a ready-made field and cannot be ${what}`);

/** The ready-made fields and `extra`, in that order: what a new channel starts with. */
export async function addInitialFields(tx: StoreTx, channelId: string, extra: readonly CustomField[] = []) {
  const fields = [...READY_MADE_FIELDS, ...extra];
  for (const [order, field] of fields.entries()) {
    await tx.insertProfileField(channelId, { ...field, order, readyMade: field.readyMade === true });
  }
}

export async function listFields(store: Store, channelId: string): Promise<CustomField[]> {
  return store.transaction((tx) => tx.listProfileFields(channelId));
}

export async function createField(store: Store, channelId: string, input: NewField): Promise<CustomField> {
  return store.transaction(async (tx) => {
    const fields = await tx.listProfileFields(channelId);
    if (fields.some((field) => field.key === input.key)) {
      const message = `${input.key}: this channel already has a field with this key (archived fields keep their key)`;
      throw new DomainError('conflict', 'field_exists', message);
    }
    if (fields.length >= MAX_CUSTOM_FIELDS) {
      const message = `fields: a channel has at most ${MAX_CUSTOM_FIELDS} custom fields; delete one first`;
      throw new DomainError('conflict', 'too_many_fields', message);
    }
    const { key, type, names } = input;
    if (input.options && type !== 'List') throw optionsOfList(key, type);
    const field: CustomField = { key, type, names, order: fields.length, archived: false, readyMade: false, ...(input.options ? { options: input.options } : {}) };
    await tx.insertProfileField(channelId, field);
    if (input.order === undefined) return field;
    return savedAt(tx, channelId, moved([...fields, field], key, input.order), key);
  });
}

export async function changeField(store: Store, channelId: string, key: string, changes: FieldChanges): Promise<CustomField> {
  return store.transaction(async (tx) => {
    const fields = await tx.listProfileFields(channelId);
    const field = fields.find((candidate) => candidate.key === key);
    if (!field) throw fieldNotFound(key);
    if (changes.archived === true && field.readyMade) throw readyMade(key, 'archived');
    if (changes.options && field.type !== 'List') throw optionsOfList(key, field.type);
    const { options: _before, ...rest } = field;
    const options = changes.options === undefined ? field.options : changes.options ?? undefined;
    const changed: CustomField = {
      ...rest,
      names: changes.names ? mergedNames(field.names, changes.names) : field.names,
      archived: changes.archived ?? field.archived,
      ...(options ? { options } : {}),
    };
    await tx.updateProfileField(channelId, changed);
    if (changes.order === undefined) return changed;
    const all = fields.map((f) => (f.key === key ? changed : f));
    return savedAt(tx, channelId, moved(all, key, changes.order), key);
  });
}

/**
 * Removes the field from the schema and, in the same unit of work, its values from every chat
 * of the channel: a deleted field is no longer shown or exported, and a field created later
 * with the same key must not inherit old values. No chat event is recorded per chat (there may
 * be thousands); clients drop keys that are not in the schema.
 */
export async function deleteField(store: Store, channelId: string, key: string): Promise<void> {
  await store.transaction(async (tx) => {
    const fields = await tx.listProfileFields(channelId);
    const field = fields.find((candidate) => candidate.key === key);
    if (!field) throw fieldNotFound(key);
    if (field.readyMade) throw readyMade(key, 'deleted');
    await tx.deleteProfileField(channelId, key);
    await tx.removeChatProfileKey(channelId, key);
    await saveOrder(tx, channelId, renumbered(fields.filter((f) => f.key !== key)));
  });
}

function mergedNames(names: LocalizedNames, changes: NonNullable<FieldChanges['names']>): LocalizedNames {
  const merged: LocalizedNames = { ...names };
  for (const [language, name] of Object.entries(changes) as [keyof LocalizedNames, string | null][]) {
    if (name === null) delete merged[language];
    else merged[language] = name;
  }
  return merged;
}

const renumbered = (fields: CustomField[]) => fields.map((field, order) => ({ ...field, order }));

/** The fields in order with `key` moved to `position` (past the end means last). */
function moved(fields: CustomField[], key: string, position: number): CustomField[] {
  const sorted = [...fields].sort((a, b) => a.order - b.order);
  const field = sorted.find((f) => f.key === key)!;
  const others = sorted.filter((f) => f.key !== key);
  others.splice(Math.min(position, others.length), 0, field);
  return renumbered(others);
}

/** Writes the orders that changed. */
async function saveOrder(tx: StoreTx, channelId: string, fields: CustomField[]): Promise<void> {
  const stored = new Map((await tx.listProfileFields(channelId)).map((f) => [f.key, f.order]));
  for (const field of fields) {
    if (stored.get(field.key) !== field.order) await tx.updateProfileField(channelId, field);
  }
}

/** Saves the orders and returns the field `key` as saved. */
async function savedAt(tx: StoreTx, channelId: string, fields: CustomField[], key: string) {
  await saveOrder(tx, channelId, fields);
  return fields.find((field) => field.key === key)!;
}
