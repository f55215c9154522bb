/**
 * The support team: manager accounts with a role, console sign-ins and API tokens (only their
 * hashes stored), and who a bearer token speaks for. MANAGER_TOKEN acts as an owner: as the first
 * owner account once one exists, so its replies and assignments have a person behind them.
 */
import { EMAIL, passwordProblem, type Manager, type ManagerRole, type Teammate } from '../../../src/shared/team.ts';
import { LIMITS } from '../../../src/shared/limits.ts';
import type { Store, StoreTx } from '../store/Store.ts';
import { hashToken, newId, newToken } from './crypto.ts';
import { DomainError } from './errors.ts';
import { recordEvent } from './events.ts';
import type { ManagerCredential } from './managerToken.ts';
import { decoyHash, hashPassword, verifyPassword } from './passwords.ts';
import type { ChatDetail, ManagerRecord, ManagerTokenRecord } from './types.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A console sign-in lasts this long; signing in again starts a new one. */
export const SIGN_IN_MS = 30 * DAY_MS;
/** Sign-ins one manager keeps at once; a new one beyond ends the oldest. */
const SIGN_INS_PER_MANAGER = 20;
/** How stale a token's recorded last use may get before a use writes it again. */
const TOUCH_MS = 60_000;

/** Who a request speaks for. */
export interface Caller {
  /** The account; null when MANAGER_TOKEN is used while no owner account exists yet. */
  manager: ManagerRecord | null;
  role: ManagerRole;
  /** The sign-in or API token used; null for MANAGER_TOKEN. */
  token: ManagerTokenRecord | null;
}

export const toManager = ({ passwordHash: _hash, updatedAt: _at, ...manager }: ManagerRecord): Manager => manager;
export const toTeammate = ({ id, name, avatarUrl, role }: ManagerRecord): Teammate => ({ id, name, avatarUrl, role });

const forbidden = (message: string) => new DomainError('forbidden', 'forbidden', message);
const managerNotFound = () => new DomainError('not_found', 'manager_not_found', 'manager: no such manager');

/** The caller, or null when the bearer token opens nothing. */
export async function identifyCaller(store: Store, credential: ManagerCredential, bearer: string): Promise<Caller | null> {
  if (credential.matches(bearer)) {
    return store.transaction(async (tx) => ({ manager: firstOwner(await tx.listManagers()), role: 'owner', token: null }));
  }
  return store.transaction(async (tx) => {
    const token = await tx.findManagerToken(hashToken(bearer));
    if (!token || (token.expiresAt !== null && token.expiresAt <= tx.now)) return null;
    const manager = await tx.getManager(token.managerId);
    if (!manager) return null;
    if (token.lastUsedAt === null || tx.now - token.lastUsedAt >= TOUCH_MS) await tx.touchManagerToken(token.id, tx.now);
    return { manager, role: manager.role, token };
  });
}

const firstOwner = (managers: ManagerRecord[]) => managers.find((m) => m.role === 'owner') ?? null;

export function requireOwner(caller: Caller, what: string): void {
  if (caller.role !== 'owner') throw forbidden(`${what}: only an owner may do this`);
}

/** The account behind a caller, for what needs a person (API tokens, saved replies' author). */
export function accountOf(caller: Caller, what: string): ManagerRecord {
  if (!caller.manager) {
    throw new DomainError('conflict', 'no_account', `${what}: MANAGER_TOKEN has no account yet; create an owner with POST /managers first`);
  }
  return caller.manager;
}

/** What a new or changed account may hold. */
export interface AccountInput {
  name?: string;
  email?: string;
  password?: string;
  role?: ManagerRole;
  avatarUrl?: string | null;
  /** A manager changing their own password says the current one too. */
  currentPassword?: string;
}

function checkEmail(email: string): string {
  const trimmed = email.trim();
  if (trimmed.length > LIMITS.email || !EMAIL.test(trimmed)) throw new DomainError('invalid', 'invalid_request', 'email: must be an email address');
  return trimmed;
}

function checkPassword(password: string, email: string): void {
  const problem = passwordProblem(password, email);
  if (problem) throw new DomainError('invalid', 'invalid_request', problem);
}

async function assertEmailFree(tx: StoreTx, email: string, except?: string): Promise<void> {
  const holder = await tx.findManagerByEmail(email);
  if (holder && holder.id !== except) throw new DomainError('conflict', 'email_taken', `email: ${email} already has an account`);
}

export async function listManagers(store: Store): Promise<ManagerRecord[]> {
  return store.transaction((tx) => tx.listManagers());
}

/** An owner adds an account (also how the first owner is made from the environment). */
export async function createManager(store: Store, input: Required<Pick<AccountInput, 'name' | 'email' | 'password' | 'role'>> & Pick<AccountInput, 'avatarUrl'>): Promise<ManagerRecord> {
  const email = checkEmail(input.email);
  checkPassword(input.password, email);
  const passwordHash = await hashPassword(input.password);
  return store.transaction(async (tx) => {
    if ((await tx.listManagers()).length >= LIMITS.managers) {
      throw new DomainError('conflict', 'too_many_managers', `managers: at most ${LIMITS.managers} accounts; delete one first`);
    }
    await assertEmailFree(tx, email);
    const manager: ManagerRecord = {
      id: newId(),
      name: input.name.trim(),
      email,
      avatarUrl: input.avatarUrl ?? null,
      role: input.role,
      passwordHash,
      createdAt: tx.now,
      updatedAt: tx.now,
    };
    await tx.insertManager(manager);
    return manager;
  });
}

/**
 * Changes an account: an owner any account, an agent only their own name, email, avatar and
 * password. The last owner stays an owner. A manager's own new password needs the current one.
 * A new password or role ends the account's other sign-ins, and a password an owner resets for
 * someone else ends that account's API tokens too (the account may have been taken over); returns
 * the hashes of the tokens it ended, so their sockets close too.
 */
export async function updateManager(store: Store, caller: Caller, id: string, input: AccountInput): Promise<{ manager: ManagerRecord; ended: string[] }> {
  if (caller.role !== 'owner' && caller.manager?.id !== id) throw forbidden("managers: only an owner may change another manager's account");
  if (caller.role !== 'owner' && input.role !== undefined) throw forbidden('role: only an owner may change a role');
  const email = input.email === undefined ? undefined : checkEmail(input.email);
  const own = caller.manager?.id === id;
  if (own && input.password !== undefined) {
    const stored = caller.manager!.passwordHash;
    if (input.currentPassword === undefined || !(await verifyPassword(input.currentPassword, stored))) {
      throw new DomainError('invalid', 'wrong_password', 'currentPassword: give your current password to choose a new one');
    }
  }
  const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password);
  return store.transaction(async (tx) => {
    const current = await tx.getManager(id);
    if (!current) throw managerNotFound();
    if (input.password !== undefined) checkPassword(input.password, email ?? current.email);
    if (email !== undefined) await assertEmailFree(tx, email, id);
    if (input.role === 'agent' && current.role === 'owner') await assertAnotherOwner(tx, id, 'role');
    const next: ManagerRecord = {
      ...current,
      ...(input.name === undefined ? {} : { name: input.name.trim() }),
      ...(email === undefined ? {} : { email }),
      ...(input.avatarUrl === undefined ? {} : { avatarUrl: input.avatarUrl }),
      ...(input.role === undefined ? {} : { role: input.role }),
      ...(passwordHash === undefined ? {} : { passwordHash }),
      updatedAt: tx.now,
    };
    await tx.updateManager(next);
    const ended: string[] = [];
    if (passwordHash !== undefined || next.role !== current.role) {
      const reset = passwordHash !== undefined && !own;
      for (const token of [...(await tx.listManagerTokens(id, 'session')), ...(reset ? await tx.listManagerTokens(id, 'api') : [])]) {
        if (token.id === caller.token?.id) continue;
        await tx.deleteManagerToken(token.id);
        ended.push(token.tokenHash);
      }
    }
    return { manager: next, ended };
  });
}

async function assertAnotherOwner(tx: StoreTx, id: string, what: string): Promise<void> {
  const owners = (await tx.listManagers()).filter((m) => m.role === 'owner' && m.id !== id);
  if (owners.length === 0) throw new DomainError('conflict', 'last_owner', `${what}: the channel needs at least one owner; make another manager an owner first`);
}

/**
 * Deletes an account and its tokens; its chats become unassigned, each announced. Replies keep
 * the name they were sent under. Returns the hashes of the ended tokens.
 */
export async function deleteManager(store: Store, caller: Caller, id: string): Promise<string[]> {
  requireOwner(caller, 'managers');
  return store.transaction(async (tx) => {
    const current = await tx.getManager(id);
    if (!current) throw managerNotFound();
    if (current.role === 'owner') await assertAnotherOwner(tx, id, 'manager');
    const hashes = [...(await tx.listManagerTokens(id, 'session')), ...(await tx.listManagerTokens(id, 'api'))].map((t) => t.tokenHash);
    // Each chat read again through getChatDetail, which a store with concurrent units locks,
    // all before the first event: a chat another unit changes meanwhile is not written back stale.
    const held: ChatDetail[] = [];
    for (const listed of await tx.listChatDetails({ assignee: id })) {
      const detail = await tx.getChatDetail(listed.chat.id);
      if (detail && detail.chat.assigneeId === id) held.push(detail);
    }
    for (const detail of held) {
      const { assigneeId: _gone, ...chat } = detail.chat;
      await tx.updateChat({ ...chat, updatedAt: tx.now });
      await recordEvent(tx, chat.id, 'chat');
    }
    await tx.deleteManager(id);
    return hashes;
  });
}

/**
 * A console sign-in: a fresh token for the account of `email` when `password` is its own. An
 * unknown address and a wrong password are refused alike, after the same hashing work.
 */
export async function signIn(store: Store, email: string, password: string): Promise<{ token: string; manager: ManagerRecord } | null> {
  const account = await store.transaction((tx) => tx.findManagerByEmail(email.trim()));
  const matches = await verifyPassword(password, account?.passwordHash ?? (await decoyHash()));
  if (!account || !matches) return null;
  const token = newToken();
  await store.transaction(async (tx) => {
    const held = await tx.listManagerTokens(account.id, 'session');
    for (const old of held.slice(0, Math.max(0, held.length - SIGN_INS_PER_MANAGER + 1))) await tx.deleteManagerToken(old.id);
    await tx.insertManagerToken({
      id: newId(),
      managerId: account.id,
      kind: 'session',
      name: 'console',
      tokenHash: hashToken(token),
      createdAt: tx.now,
      lastUsedAt: tx.now,
      expiresAt: tx.now + SIGN_IN_MS,
    });
  });
  return { token, manager: account };
}

/** Ends the caller's console sign-in; returns its token's hash. */
export async function signOut(store: Store, caller: Caller): Promise<string> {
  const { token } = caller;
  if (!token || token.kind !== 'session') {
    throw new DomainError('invalid', 'not_a_sign_in', 'authorization: DELETE /session ends a console sign-in; revoke an API token with DELETE /tokens/:id');
  }
  await store.transaction((tx) => tx.deleteManagerToken(token.id));
  return token.tokenHash;
}

export async function listApiTokens(store: Store, caller: Caller): Promise<ManagerTokenRecord[]> {
  const account = accountOf(caller, 'tokens');
  return store.transaction((tx) => tx.listManagerTokens(account.id, 'api'));
}

/** A new API token of the caller: the token itself is returned this once. */
export async function createApiToken(store: Store, caller: Caller, name: string): Promise<{ record: ManagerTokenRecord; token: string }> {
  const account = accountOf(caller, 'tokens');
  const token = newToken();
  return store.transaction(async (tx) => {
    if ((await tx.listManagerTokens(account.id, 'api')).length >= LIMITS.apiTokens) {
      throw new DomainError('conflict', 'too_many_tokens', `tokens: at most ${LIMITS.apiTokens} API tokens each; revoke one first`);
    }
    const record: ManagerTokenRecord = {
      id: newId(),
      managerId: account.id,
      kind: 'api',
      name: name.trim(),
      tokenHash: hashToken(token),
      createdAt: tx.now,
      lastUsedAt: null,
      expiresAt: null,
    };
    await tx.insertManagerToken(record);
    return { record, token };
  });
}

/** Revokes one of the caller's API tokens; returns its hash. Another manager's token does not exist for them. */
export async function revokeApiToken(store: Store, caller: Caller, id: string): Promise<string> {
  const account = accountOf(caller, 'tokens');
  return store.transaction(async (tx) => {
    const token = (await tx.listManagerTokens(account.id, 'api')).find((t) => t.id === id);
    if (!token) throw new DomainError('not_found', 'token_not_found', 'token: no such token');
    await tx.deleteManagerToken(id);
    return token.tokenHash;
  });
}

/**
 * The first owner from the environment (OWNER_EMAIL, OWNER_PASSWORD, OWNER_NAME) when the server
 * has no account yet; nothing when it has one.
 */
export async function ensureFirstOwner(store: Store, owner: { email: string; password: string; name?: string } | undefined): Promise<ManagerRecord | null> {
  if (!owner) return null;
  if ((await listManagers(store)).length > 0) return null;
  return createManager(store, { name: owner.name || owner.email.split('@')[0], email: owner.email, password: owner.password, role: 'owner' });
}

/** Deletes ended sign-ins, now and then every hour, until the returned function is called. */
export function schedulePurgeSignIns(store: Store, everyMs = 60 * 60 * 1000): () => void {
  const run = () => store.transaction((tx) => tx.purgeManagerTokens(tx.now)).catch((error) => console.error('sign-in purge failed', error));
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
