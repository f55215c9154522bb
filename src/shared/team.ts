/**
 * The support team on the Manager API (SPEC §4, "Additions"): accounts with a role, the API tokens
 * each manager holds, saved replies, and the one rule every side checks a password with.
 */
import { charLength, LIMITS } from './limits';

export const MANAGER_ROLES = ['owner', 'agent'] as const;
/** `owner`: manages accounts and settings; `agent`: works in the inbox. */
export type ManagerRole = (typeof MANAGER_ROLES)[number];

export interface Manager {
  id: string;
  name: string;
  email: string;
  avatarUrl: string | null;
  role: ManagerRole;
  createdAt: number;
}

/** What every manager may read of the others: who can be assigned a chat. */
export type Teammate = Pick<Manager, 'id' | 'name' | 'avatarUrl' | 'role'>;

/** An API token as its holder lists it: the token itself is shown once, when created. */
export interface ApiToken {
  id: string;
  name: string;
  createdAt: number;
  lastUsedAt: number | null;
}

export interface SavedReply {
  id: string;
  title: string;
  /** May hold variables (`{{user.name}}`, `{{profile.productName}}`), rendered when sent. */
  text: string;
  authorId: string | null;
  createdAt: number;
  updatedAt: number;
}

/** A plausible address: one @, something on each side, no spaces. Delivery is not promised. */
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Why a new password is refused, or null when it is accepted: long enough, not too long to hash,
 * not the address it signs in with.
 */
export function passwordProblem(password: string, email?: string): string | null {
  const length = charLength(password);
  if (length < LIMITS.passwordMin) return `password: must have at least ${LIMITS.passwordMin} characters`;
  if (length > LIMITS.passwordMax) return `password: must have at most ${LIMITS.passwordMax} characters`;
  if (!password.trim()) return 'password: must not be only spaces';
  if (email !== undefined && password.trim().toLowerCase() === email.trim().toLowerCase()) {
    return 'password: must not be the email address';
  }
  return null;
}
