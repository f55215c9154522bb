/** Conversions between `profile_fields` rows and the shared CustomField shape. */
import type { CustomField, FieldType } from '../../../../src/shared/profile/index.ts';

export interface ProfileFieldRow {
  channel_id: string;
  key: string;
  type: FieldType;
  names: string;
  position: number;
  archived: number;
  ready_made: number;
  options: string | null;
}

export const toProfileField = (row: ProfileFieldRow): CustomField => ({
  key: row.key,
  type: row.type,
  names: JSON.parse(row.names),
  order: row.position,
  archived: row.archived === 1,
  readyMade: row.ready_made === 1,
  ...(row.options ? { options: JSON.parse(row.options) } : {}),
});

export const profileFieldParams = (channelId: string, field: CustomField) => ({
  channel_id: channelId,
  key: field.key,
  type: field.type,
  names: JSON.stringify(field.names),
  position: field.order,
  archived: field.archived ? 1 : 0,
  ready_made: field.readyMade ? 1 : 0,
  options: field.options ? JSON.stringify(field.options) : null,
});
