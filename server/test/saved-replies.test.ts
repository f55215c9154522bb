import { describe, expect, it } from 'vitest';
import { bootVisitor, clientId, serverForFile, widget } from './helpers.ts';

const file = serverForFile();

describe('saved replies', () => {
  it('are created, listed by title, changed and deleted', async () => {
    const b = await file.api('POST', '/saved-replies', { body: { title: 'Shipping', text: 'It ships in 2 days.' } });
    expect(b.status).toBe(201);
    expect(b.body.savedReply).toMatchObject({ id: expect.any(String), title: 'Shipping', text: 'It ships in 2 days.', authorId: null });
    const a = await file.api('POST', '/saved-replies', { body: { title: 'greeting', text: 'Hello {{user.name|there}}!' } });
    expect((await file.api('GET', '/saved-replies')).body.savedReplies.map((r: { title: string }) => r.title)).toEqual(['greeting', 'Shipping']);
    const changed = await file.api('PATCH', `/saved-replies/${b.body.savedReply.id}`, { body: { text: 'It ships in 3 days.' } });
    expect(changed.body.savedReply).toMatchObject({ title: 'Shipping', text: 'It ships in 3 days.' });
    expect((await file.api('DELETE', `/saved-replies/${a.body.savedReply.id}`)).status).toBe(204);
    expect((await file.api('DELETE', `/saved-replies/${a.body.savedReply.id}`)).status).toBe(404);
    expect((await file.api('GET', '/saved-replies')).body.savedReplies).toHaveLength(1);
  });

  it('refuse unknown variables when saved, and keep what was stored', async () => {
    const refused = await file.api('POST', '/saved-replies', { body: { title: 'Bad', text: 'Hi {{profile.nope}}' } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/^text: .*profile\.nope/);
    const empty = await file.api('POST', '/saved-replies', { body: { title: ' ', text: 'x' } });
    expect(empty.body.error.message).toBe('title: must not be only spaces');
    expect((await file.api('GET', '/saved-replies')).body.savedReplies.map((r: { title: string }) => r.title)).not.toContain('Bad');
  });

  it('send the rendered text when a reply is made from one', async () => {
    const visitor = await bootVisitor(file.server);
    await widget(file.server)('PATCH', '/user', { token: visitor.token, body: { profile: { name: 'Minji' } } });
    const created = await widget(file.server)('POST', '/chats', {
      token: visitor.token,
      body: { clientId: clientId(), message: { text: 'Hi', clientId: clientId('m') }, profile: { 'profile.productName': 'Linen Shirt' } },
    });
    const saved = await file.api('POST', '/saved-replies', { body: { title: 'product', text: 'Hi {{user.name}}, {{profile.productName}} is in stock.' } });
    const sent = await file.api('POST', `/chats/${created.body.chat.id}/messages`, { body: { text: saved.body.savedReply.text } });
    expect(sent.body.message.text).toBe('Hi Minji, Linen Shirt is in stock.');
  });
});
