import { fieldName, type BuiltInType, type CustomField } from '../../shared/profile/fields';
import type { ChatProfile, ProfileValue } from '../../shared/types';
import type { BuiltInFieldView } from '../api/types';
import type { ConsoleLanguage } from '../i18n';

/** How the panel shows a row: its own control for the fields managers edit, else the value. */
export type RowKind = 'priority' | 'tags' | 'description' | 'custom' | 'value';

export interface ProfileRow {
  key: string;
  name: string;
  type: BuiltInType;
  value: ProfileValue | undefined;
  kind: RowKind;
  archived: boolean;
  /** A List field's allowed items. */
  options?: string[];
}

const KINDS: Record<string, RowKind> = { priority: 'priority', tags: 'tags', description: 'description' };

/** Every field the display settings can show or hide: built-ins, then custom fields in order. */
export function displayableFields(builtIns: readonly BuiltInFieldView[], fields: readonly CustomField[], language: ConsoleLanguage) {
  return [...builtIns, ...fields].map((field) => ({ key: field.key, name: fieldName(field, language) }));
}

/**
 * The rows of a chat's profile panel: built-ins first, then custom fields in their order, leaving
 * out the keys hidden by the display settings. Archived fields are read-only and shown only when
 * the chat has a value for them.
 * @example profileRows(builtIns, fields, ['source.page'], chat.profile, 'ko')
 */
export function profileRows(
  builtIns: readonly BuiltInFieldView[],
  fields: readonly CustomField[],
  hidden: readonly string[],
  profile: ChatProfile,
  language: ConsoleLanguage,
): ProfileRow[] {
  const rows: ProfileRow[] = builtIns.map((field) => ({
    key: field.key,
    name: fieldName(field, language),
    type: field.type,
    value: profile[field.key],
    kind: KINDS[field.key] ?? 'value',
    archived: false,
  }));
  for (const field of [...fields].sort((a, b) => a.order - b.order)) {
    const value = profile[field.key];
    if (field.archived && (value === undefined || value === null)) continue;
    // Managers edit custom fields; archived ones and the survey's own (CSAT) stay read-only.
    const kind = field.archived || field.readyMade ? 'value' : 'custom';
    rows.push({ key: field.key, name: fieldName(field, language), type: field.type, value, kind, archived: field.archived, ...(field.options ? { options: field.options } : {}) });
  }
  return rows.filter((row) => hidden.indexOf(row.key) < 0);
}
