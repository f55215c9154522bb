/** Conversions between the team's SQLite rows (managers, their tokens, saved replies) and records. */
import type { ManagerRole } from '../../../../src/shared/team.ts';
import type { ManagerRecord, ManagerTokenRecord, SavedReplyRecord } from '../../domain/types.ts';

export interface ManagerRow {
  id: string;
  name: string;
  email: string;
  avatar_url: string | null;
  role: ManagerRole;
  password_hash: string;
  created_at: number;
  updated_at: number;
}

export const toManager = (row: ManagerRow): ManagerRecord => ({
  id: row.id,
  name: row.name,
  email: row.email,
  avatarUrl: row.avatar_url,
  role: row.role,
  passwordHash: row.password_hash,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export const managerParams = (m: ManagerRecord) => ({
  id: m.id,
  name: m.name,
  email: m.email,
  avatar_url: m.avatarUrl,
  role: m.role,
  password_hash: m.passwordHash,
  created_at: m.createdAt,
  updated_at: m.updatedAt,
});

export interface ManagerTokenRow {
  id: string;
  manager_id: string;
  kind: ManagerTokenRecord['kind'];
  name: string;
  token_hash: string;
  created_at: number;
  last_used_at: number | null;
  expires_at: number | null;
}

export const toManagerToken = (row: ManagerTokenRow): ManagerTokenRecord => ({
  id: row.id,
  managerId: row.manager_id,
  kind: row.kind,
  name: row.name,
  tokenHash: row.token_hash,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
  expiresAt: row.expires_at,
});

export const managerTokenParams = (t: ManagerTokenRecord) => ({
  id: t.id,
  manager_id: t.managerId,
  kind: t.kind,
  name: t.name,
  token_hash: t.tokenHash,
  created_at: t.createdAt,
  last_used_at: t.lastUsedAt,
  expires_at: t.expiresAt,
});

export interface SavedReplyRow {
  id: string;
  channel_id: string;
  title: string;
  text: string;
  author_id: string | null;
  created_at: number;
  updated_at: number;
}

export const toSavedReply = (row: SavedReplyRow): SavedReplyRecord => ({
  id: row.id,
  channelId: row.channel_id,
  title: row.title,
  text: row.text,
  authorId: row.author_id,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export const savedReplyParams = (r: SavedReplyRecord) => ({
  id: r.id,
  channel_id: r.channelId,
  title: r.title,
  text: r.text,
  author_id: r.authorId,
  created_at: r.createdAt,
  updated_at: r.updatedAt,
});
