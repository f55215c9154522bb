/** Identifiers, session tokens and the member-hash check. */
import { createHash, createHmac, randomBytes, randomFillSync, randomUUID, timingSafeEqual } from 'node:crypto';

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const ID_LENGTH = 16;

/**
 * Opaque record id: 16 letters and digits (about 95 random bits). Letters and digits only, so an id
 * never starts with a character a spreadsheet reads as a formula and the export leaves it unchanged.
 */
export function newId(): string {
  let id = '';
  while (id.length < ID_LENGTH) {
    const byte = randomByte();
    // 248 = 4 × 62: bytes above it are dropped so every character is equally likely.
    if (byte < 248) id += ID_ALPHABET[byte % 62];
  }
  return id;
}

/** Random bytes drawn a pool at a time: one call to the generator per hundreds of ids, not per id. */
const pool = Buffer.alloc(4096);
let poolAt = pool.length;

function randomByte(): number {
  if (poolAt === pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  return pool[poolAt++];
}

/** Session token: 32 random bytes, base64url. Only its hash is stored. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/**
 * The token of a survey's customer link: HMAC-SHA256 of its message id under the installation's
 * link key, base64url (43 characters, like a session token). Only `hashToken` of it is stored;
 * the console asks for it again by deriving it.
 */
export const surveyLinkToken = (linkKey: Buffer, messageId: string): string =>
  createHmac('sha256', linkKey).update(`csat-link:${messageId}`).digest('base64url');

/** A short fingerprint of a text, to tell whether it changed since; not for secrets. */
export const fingerprint = (text: string): string => createHash('sha1').update(text).digest('base64url');

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
