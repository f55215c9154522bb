/** Customers of a channel: anonymous visitors and members, their sessions and their data. */
import type { CustomField } from '../../../src/shared/profile/index.ts';
import type { Language, UserProfile } from '../../../src/shared/types.ts';
import { LIMITS } from '../../../src/shared/types.ts';
import type { Store, StoreTx } from '../store/Store.ts';
import { verifyMember } from './channels.ts';
import { newId } from './crypto.ts';
import { DomainError } from './errors.ts';
import { achieveGoals } from './goals.ts';
import { sessionRefusal, startSession, touchSession, useSession, type SessionIdle } from './sessions.ts';
import type { ChannelRecord, TrackRecord, UserRecord } from './types.ts';

/** The user is read to be changed: boot and widget calls save its profile, language and tags. */
const FOR_UPDATE = { forUpdate: true } as const;

export interface BootInput {
  token?: string;
  memberId?: string;
  memberHash?: string;
  profile?: UserProfile;
  language?: Language;
  unsubscribeEmail?: boolean;
  unsubscribeTexting?: boolean;
  /** Properties of the page view the SDK records with its boot, saving a request per page. */
  pageView?: TrackRecord['properties'];
}

export interface BootResult {
  token: string;
  user: UserRecord;
  /** Unread count per chat that has unread messages. */
  unread: Record<string, number>;
  cursor: number;
  /** The channel's custom chat-profile fields, archived ones flagged, so the SDK can check writes. */
  profileFields: CustomField[];
}

export interface UserChanges {
  language?: Language;
  profile?: UserProfile;
  /** Keys set only when the user has no value for them yet. */
  profileOnce?: UserProfile;
  tags?: string[];
  unsubscribeEmail?: boolean;
  unsubscribeTexting?: boolean;
}

/**
 * Starts or resumes a customer's session. A token is only honoured for the same identity: a
 * visitor's token never unlocks a member, and a member's token without memberId (after a logout)
 * gets a fresh visitor, so a shared computer does not show the previous member's chats.
 *
 * Who a member id names depends on the channel. With a member secret, memberId with its valid
 * memberHash is the member, on any device. Without one anybody can send any memberId, so it is
 * only a label on this browser's visitor (the one its token opens): another browser claiming the
 * same id gets a fresh visitor of its own, never the first one's chats or profile.
 */
export async function boot(store: Store, channel: ChannelRecord, input: BootInput, idle: SessionIdle): Promise<BootResult> {
  const verifies = channel.memberSecret !== null;
  if (input.memberId !== undefined) verifyMember(channel, input.memberId, input.memberHash);
  const memberId = input.memberId ?? null;
  return store.transaction(async (tx) => {
    const now = tx.now;
    const current = input.token ? await sessionUser(tx, input.token, idle, channel.id) : null;
    const resumed = current && resumable(current, memberId, verifies);
    let user = resumed ? labelled(current, memberId) : await findOrCreateUser(tx, channel, input, now, verifies && memberId !== null);
    const token = resumed ? input.token! : await startSession(tx, user.id);
    const { profile, language, unsubscribeEmail, unsubscribeTexting } = input;
    user = await saveChanges(tx, user, { profile, language, unsubscribeEmail, unsubscribeTexting }, now);
    if (input.pageView) {
      await tx.insertTrack({ channelId: channel.id, userId: user.id, name: 'PageView', properties: input.pageView, createdAt: now });
      await achieveGoals(tx, user.id, 'PageView');
    }
    const chats = await tx.listChatDetails({ userId: user.id });
    const unread: Record<string, number> = {};
    for (const { chat, unread: count } of chats) if (count > 0) unread[chat.id] = count;
    const profileFields = await tx.listProfileFields(channel.id);
    return { token, user, unread, cursor: await tx.latestSeq(channel.id), profileFields };
  });
}

/**
 * Whether the session's user is who the boot names. Unverified, this browser's anonymous visitor
 * may take a member id as its label; a different id is a different person, so it never merges.
 */
function resumable(current: UserRecord, memberId: string | null, verifies: boolean): boolean {
  if (memberId === null) return current.memberId === null;
  if (verifies) return current.memberVerified && current.memberId === memberId;
  return current.memberId === memberId || current.memberId === null;
}

const labelled = (user: UserRecord, memberId: string | null): UserRecord =>
  user.memberId === memberId ? user : { ...user, memberId, memberVerified: false };

/** The user a session token belongs to; refuses a missing, unknown, expired or other channel's token. */
export async function authenticate(store: Store, token: string, idle: SessionIdle, channelId?: string): Promise<UserRecord> {
  return store.transaction(async (tx) => (await sessionCustomer(tx, token, idle, channelId)).user);
}

/** Work done as a session's customer, inside the unit of work that resolved the session. */
export type CustomerWork<T> = (tx: StoreTx, user: UserRecord) => Promise<T>;

/**
 * Resolves the session token (refused as `authenticate` refuses it) and does `work` as its
 * customer in the same unit of work, so a widget call waits for the store's serialised queue once,
 * not once for its session and again for its work. Work that fails rolls the session's touch back
 * with it; the touch is then written on its own, so refused calls still keep a session alive.
 */
export async function asCustomer<T>(store: Store, token: string, idle: SessionIdle, channelId: string, work: CustomerWork<T>): Promise<T> {
  let touched = false;
  try {
    return await store.transaction(async (tx) => {
      const customer = await sessionCustomer(tx, token, idle, channelId);
      touched = customer.touched;
      return work(tx, customer.user);
    });
  } catch (error) {
    // The work's own refusal is what the caller needs to see, even if this write fails too.
    if (touched) await touchSession(store, token).catch(() => undefined);
    throw error;
  }
}

/** Every widget call's first read: the user is locked, as the call may change it (updateUser, tags). */
async function sessionCustomer(tx: StoreTx, token: string, idle: SessionIdle, channelId?: string) {
  const lookup = await useSession(tx, token, idle);
  const user = lookup.state === 'live' ? await tx.getUser(lookup.session.userId, FOR_UPDATE) : null;
  if (lookup.state === 'expired') throw sessionRefusal('expired');
  if (!user || (channelId !== undefined && user.channelId !== channelId)) throw sessionRefusal('unknown');
  return { user, touched: lookup.state === 'live' && lookup.touched };
}

/** Changes the customer's own data; `user` is as read in this unit of work. */
export async function updateUser(tx: StoreTx, user: UserRecord, changes: UserChanges): Promise<UserRecord> {
  return saveChanges(tx, user, changes, tx.now);
}

/** Removes, then adds; tags keep their first-added order. */
export async function changeTags(
  tx: StoreTx,
  user: UserRecord,
  { add = [], remove = [] }: { add?: string[]; remove?: string[] },
): Promise<UserRecord> {
  const tags = user.tags.filter((tag) => !remove.includes(tag));
  for (const tag of add) if (!tags.includes(tag)) tags.push(tag);
  return saveChanges(tx, user, { tags }, tx.now);
}

export async function trackEvent(store: Store, track: Omit<TrackRecord, 'createdAt'>): Promise<void> {
  await store.transaction(async (tx) => {
    await tx.insertTrack({ ...track, createdAt: tx.now });
    await achieveGoals(tx, track.userId, track.name);
  });
}

/** The user of a live session of this channel, or null: a boot with any other token starts afresh. */
async function sessionUser(tx: StoreTx, token: string, idle: SessionIdle, channelId: string): Promise<UserRecord | null> {
  const lookup = await useSession(tx, token, idle);
  const user = lookup.state === 'live' ? await tx.getUser(lookup.session.userId, FOR_UPDATE) : null;
  return user && user.channelId === channelId ? user : null;
}

async function findOrCreateUser(
  tx: StoreTx,
  channel: ChannelRecord,
  input: BootInput,
  now: number,
  verified: boolean,
): Promise<UserRecord> {
  const memberId = input.memberId ?? null;
  const existing = verified ? await tx.findMember(channel.id, memberId!, FOR_UPDATE) : null;
  if (existing) return existing;
  const user: UserRecord = {
    id: newId(),
    channelId: channel.id,
    memberId,
    memberVerified: verified,
    name: null,
    language: input.language ?? 'en',
    profile: {},
    tags: [],
    unsubscribeEmail: false,
    unsubscribeTexting: false,
    createdAt: now,
    updatedAt: now,
  };
  await tx.insertUser(user);
  return user;
}

async function saveChanges(tx: StoreTx, user: UserRecord, changes: UserChanges, now: number) {
  const next = applyChanges(user, changes);
  if (JSON.stringify(next) === JSON.stringify(user)) return user;
  const saved = { ...next, updatedAt: now };
  await tx.updateUser(saved);
  return saved;
}

function applyChanges(user: UserRecord, changes: UserChanges): UserRecord {
  const profile: UserProfile = { ...user.profile };
  for (const [key, value] of Object.entries(changes.profile ?? {})) {
    if (value === null) delete profile[key];
    else profile[key] = value;
  }
  for (const [key, value] of Object.entries(changes.profileOnce ?? {})) {
    if (profile[key] === undefined && value !== null) profile[key] = value;
  }
  if (Object.keys(profile).length > LIMITS.storedProfileKeys) {
    throw new DomainError('invalid', 'too_many_keys', `profile: a user keeps at most ${LIMITS.storedProfileKeys} keys`);
  }
  const tags = changes.tags ?? user.tags;
  if (tags.length > LIMITS.tags) {
    throw new DomainError('invalid', 'too_many_tags', `tags: a user has at most ${LIMITS.tags} tags`);
  }
  return {
    ...user,
    profile,
    tags,
    name: typeof profile.name === 'string' ? profile.name : null,
    language: changes.language ?? user.language,
    unsubscribeEmail: changes.unsubscribeEmail ?? user.unsubscribeEmail,
    unsubscribeTexting: changes.unsubscribeTexting ?? user.unsubscribeTexting,
  };
}
