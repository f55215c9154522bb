/** `/api/manager/saved-replies` (SPEC §4, "Additions"): any manager reads and writes them. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { LIMITS } from '../../../src/shared/limits.ts';
import { createSavedReply, deleteSavedReply, listSavedReplies, updateSavedReply } from '../domain/savedReplies.ts';
import type { Caller } from '../domain/team.ts';
import type { SavedReplyRecord } from '../domain/types.ts';
import type { Store } from '../store/Store.ts';
import * as v from './validate.ts';

type Params = { id: string };

const toSavedReply = ({ channelId: _channel, ...reply }: SavedReplyRecord) => reply;
const TITLE = { max: LIMITS.savedReplyTitle };
const TEXT = { max: LIMITS.messageText };

export function registerSavedReplyRoutes(app: FastifyInstance, store: Store, channelId: string, callerOf: (request: FastifyRequest) => Caller): void {
  app.get('/saved-replies', async () => ({ savedReplies: (await listSavedReplies(store, channelId)).map(toSavedReply) }));
  app.post('/saved-replies', async (request, reply) => {
    const fields = v.readFields(request.body, ['title', 'text']);
    const saved = await createSavedReply(store, channelId, callerOf(request), {
      title: v.requiredText(fields, 'title', TITLE),
      text: v.requiredText(fields, 'text', TEXT),
    });
    reply.code(201);
    return { savedReply: toSavedReply(saved) };
  });
  app.patch<{ Params: Params }>('/saved-replies/:id', async (request) => {
    const fields = v.readFields(request.body, ['title', 'text']);
    const title = fields.title === undefined ? undefined : v.requiredText(fields, 'title', TITLE);
    const text = fields.text === undefined ? undefined : v.requiredText(fields, 'text', TEXT);
    return { savedReply: toSavedReply(await updateSavedReply(store, channelId, request.params.id, { title, text })) };
  });
  app.delete<{ Params: Params }>('/saved-replies/:id', async (request, reply) => {
    await deleteSavedReply(store, channelId, request.params.id);
    return reply.code(204).send();
  });
}
