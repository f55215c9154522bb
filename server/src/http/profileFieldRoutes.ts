/**
 * `/api/manager/profile-fields`: the channel's chat-profile schema. Registered inside the manager
 * routes, so the manager token is checked first.
 */
import type { FastifyInstance } from 'fastify';
import { BUILT_IN_FIELDS, type CustomField } from '../../../src/shared/profile/index.ts';
import { changeField, createField, deleteField, listFields } from '../domain/profileFields.ts';
import type { Store } from '../store/Store.ts';
import { parseFieldChanges, parseNewField, readFieldKey } from './profileFieldBodies.ts';

type Params = { key: string };

/** A custom field on the wire; `builtIn: false` tells it apart from the built-ins listed beside it. */
const fieldView = (field: CustomField) => ({
  key: field.key,
  type: field.type,
  names: field.names,
  order: field.order,
  archived: field.archived,
  readyMade: field.readyMade === true,
  builtIn: false as const,
  ...(field.options ? { options: field.options } : {}),
});

const BUILT_INS = BUILT_IN_FIELDS.map(({ key, type, names, writer }) => ({ key, type, names, writer }));

export function registerProfileFieldRoutes(app: FastifyInstance, store: Store, channelId: string): void {
  app.get('/profile-fields', async () => ({
    fields: (await listFields(store, channelId)).map(fieldView),
    builtIns: BUILT_INS,
  }));
  app.post('/profile-fields', async (request, reply) => {
    const field = await createField(store, channelId, parseNewField(request.body));
    reply.code(201);
    return { field: fieldView(field) };
  });
  app.patch<{ Params: Params }>('/profile-fields/:key', async (request) => {
    const key = readFieldKey(request.params.key);
    const field = await changeField(store, channelId, key, parseFieldChanges(request.body));
    return { field: fieldView(field) };
  });
  app.delete<{ Params: Params }>('/profile-fields/:key', async (request, reply) => {
    await deleteField(store, channelId, readFieldKey(request.params.key));
    return reply.code(204).send();
  });
}
