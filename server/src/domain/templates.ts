/**
 * Personalisation variables (SPEC §2.5) against one chat: the keys a channel's templates may name,
 * and the values one chat and its customer give them. The syntax and rendering are the shared
 * module's (src/shared/template.ts).
 */
import { BUILT_IN_FIELDS, type CustomField } from '../../../src/shared/profile/index.ts';
import { checkTemplate, renderTemplate, type TemplateValue } from '../../../src/shared/template.ts';
import type { ChatRecord, UserRecord } from './types.ts';
import { DomainError } from './errors.ts';
import { formatDuration } from './exportTable.ts';
import { profileView } from './profile.ts';

/** Built-in chat-profile keys and every custom field of the channel (archived ones keep values). */
export const templateKeys = (fields: readonly CustomField[]): string[] => [
  ...BUILT_IN_FIELDS.map((field) => field.key),
  ...fields.map((field) => field.key),
];

/** Throws naming every problem of the template, prefixed with the setting it came from. */
export function assertTemplate(label: string, template: string, fields: readonly CustomField[]): void {
  const problems = checkTemplate(template, templateKeys(fields));
  if (problems.length > 0) throw new DomainError('invalid', 'invalid_request', `${label}: ${problems.join('; ')}`);
}

/** The values of one chat: its profile (durations and date-times as readable text) and its customer. */
export function templateValues(chat: ChatRecord, user: UserRecord | null, fields: readonly CustomField[]): Record<string, TemplateValue> {
  const types = new Map<string, string>([...BUILT_IN_FIELDS, ...fields].map((field) => [field.key, field.type]));
  const values: Record<string, TemplateValue> = {};
  for (const [key, value] of Object.entries(profileView(chat.state, chat.profile))) {
    const type = types.get(key);
    if (type === 'Duration' && typeof value === 'number') values[key] = formatDuration(value);
    else if (type === 'Datetime' && typeof value === 'number') values[key] = new Date(value);
    else values[key] = value;
  }
  if (user) {
    for (const [key, value] of Object.entries(user.profile)) values[`user.${key}`] = value;
    values['user.name'] = user.name ?? (typeof user.profile.name === 'string' ? user.profile.name : null);
  }
  return values;
}

/** The template rendered for one chat; date-times on the wall clock of `timeZone`, the channel's. */
export const renderForChat = (template: string, chat: ChatRecord, user: UserRecord | null, fields: readonly CustomField[], timeZone: string): string =>
  renderTemplate(template, templateValues(chat, user, fields), { timeZone });
