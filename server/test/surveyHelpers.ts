/** Setting the survey rule, closing a customer's chat, and answering the survey it gets. */
import { DEFAULT_CSAT_SETTINGS, type CsatSettings } from '../../src/shared/csat/index.ts';
import type { Language } from '../../src/shared/types.ts';
import { call, clientId, eventCursor, manager, widget, type TestServer } from './helpers.ts';
import { storedRows } from './storedRows.ts';

/** A whole rule: on, 5 points, a comment box, no filters, with `changes` laid over it. */
export function surveyRule(changes: Partial<CsatSettings> = {}): CsatSettings {
  return {
    ...DEFAULT_CSAT_SETTINGS,
    enabled: true,
    ...changes,
    filters: { ...DEFAULT_CSAT_SETTINGS.filters, ...changes.filters },
  };
}

export async function setSurvey(server: TestServer, changes: Partial<CsatSettings> = {}): Promise<CsatSettings> {
  const reply = await manager(server)('PUT', '/csat-settings', { body: surveyRule(changes) });
  if (reply.status !== 200) throw new Error(`survey rule refused: ${JSON.stringify(reply.body)}`);
  return reply.body;
}

interface CustomerOptions {
  language?: Language;
  /** The customer's own profile, given at boot (e.g. `{ grade: 'VIP' }`). */
  profile?: Record<string, string>;
  /** Chat tags a manager sets before closing. */
  tags?: string[];
}

/** A customer's chat with one message, tagged as asked; not closed yet. */
export async function openChat(server: TestServer, options: CustomerOptions = {}) {
  const boot = await widget(server)('POST', '/boot', {
    body: { language: options.language ?? 'en', ...(options.profile ? { profile: options.profile } : {}) },
  });
  const token = boot.body.token as string;
  const created = await widget(server)('POST', '/chats', {
    token,
    body: { clientId: clientId(), message: { text: 'Where is my parcel?', clientId: clientId('m') } },
  });
  const chatId = created.body.chat.id as string;
  if (options.tags) await manager(server)('PATCH', `/chats/${chatId}`, { body: { tags: options.tags } });
  return { token, chatId, userId: boot.body.user.id as string, cursor: await eventCursor(server, token) };
}

/** Closes the chat and returns the manager's view of it: its survey messages and link. */
export async function closeChat(server: TestServer, chatId: string) {
  const closed = await manager(server)('POST', `/chats/${chatId}/close`);
  if (closed.status !== 200) throw new Error(`close failed: ${JSON.stringify(closed.body)}`);
  const read = await manager(server)('GET', `/chats/${chatId}`);
  const surveys = read.body.messages.filter((m: any) => m.form !== undefined);
  return { closed: closed.body.chat, chat: read.body.chat, surveys, survey: surveys.at(-1), csatLink: read.body.csatLink as string | null };
}

/** A customer's closed chat that got the survey. */
export async function surveyedChat(server: TestServer, options: CustomerOptions = {}) {
  const chat = await openChat(server, options);
  const closed = await closeChat(server, chat.chatId);
  if (!closed.survey) throw new Error('no survey was posted');
  // The event cursor once the survey is posted.
  return { ...chat, survey: closed.survey, csatLink: closed.csatLink!, afterSurvey: await eventCursor(server, chat.token) };
}

export const answerInWidget = (server: TestServer, token: string, chatId: string, messageId: string, body: unknown) =>
  widget(server)('POST', `/chats/${chatId}/messages/${messageId}/answer`, { token, body });

/** The token at the end of a `/csat/<token>` link. */
export const linkToken = (link: string) => new URL(link).pathname.split('/').pop()!;

export const answerByLink = (server: TestServer, link: string, body: unknown) =>
  call(`${server.url}/api/csat/${linkToken(link)}/answer`, 'POST', { body });

/** The stored answers of a chat, read straight from the database. */
export const storedAnswers = (server: TestServer, chatId: string) => storedRows(server, 'SELECT * FROM csat_answers WHERE chat_id = ?', chatId);
