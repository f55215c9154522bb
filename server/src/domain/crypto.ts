/** Identifiers, session tokens and the member-hash check. */
import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/** Opaque record id: 16 url-safe characters (96 random bits). */
export const newId = (): string => randomBytes(12).toString('base64url');

/** Session token: 32 random bytes, base64url. Only its hash is stored. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** Plugin keys look like Channel Talk's: a UUID. */
export const newPluginKey = (): string => randomUUID();

export const hashToken = (token: string): string =>
  createHash('sha256').update(token).digest('hex');

/** The memberHash a site computes on its server: hex HMAC-SHA256 of the member id. */
export const memberHashOf = (memberId: string, secret: string): string =>
  createHmac('sha256', secret).update(memberId).digest('hex');

/** Compares secrets in constant time; hashing first makes the lengths equal. */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
