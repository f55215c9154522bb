import { afterEach, describe, expect, it } from 'vitest';
import { calls } from '../test/fakeServer';
import { $, $$, button, cleanup, flush, start, type, ui } from '../test/harness';

afterEach(cleanup);

const owner = { id: 'm1', name: 'Olivia', email: 'owner@shop.test', role: 'owner', avatarUrl: null, createdAt: 1 };
const agent = { id: 'm2', name: 'Hana', email: 'hana@shop.test', role: 'agent', avatarUrl: null, createdAt: 2 };

function openTeam(me = owner) {
  start(
    {
      'GET /profile-fields': { fields: [], builtIns: [] },
      'GET /session': { manager: me, role: me.role, kind: 'session' },
      'GET /teammates': { teammates: [owner, agent] },
      'GET /managers': { managers: [owner, agent] },
      'GET /tokens': { tokens: [] },
      'POST /managers': (body: { name: string; email: string; role: string }) => ({ status: 201, body: { manager: { id: 'm3', avatarUrl: null, createdAt: 3, ...body } } }),
      'POST /tokens': (body: { name: string }) => ({ status: 201, body: { id: 't1', name: body.name, token: 'secret-token-shown-once', createdAt: 4, lastUsedAt: null } }),
      'DELETE /tokens/t1': { status: 204 },
    },
    { hash: '#/settings' },
  );
}

const card = () => $('[aria-labelledby=team-title]')!;

describe('the team settings', () => {
  it('lets an owner add a manager, saying the password rule before sending', async () => {
    openTeam();
    await flush();
    expect(Array.from(card().querySelectorAll('.team li strong')).map((s) => s.textContent)).toEqual(['Olivia', 'Hana']);
    const form = card().querySelector<HTMLFormElement>('form[aria-label="Add manager"]')!;
    type(form.querySelector<HTMLInputElement>('[name=name]')!, 'Jun');
    type(form.querySelector<HTMLInputElement>('[name=email]')!, 'jun@shop.test');
    type(form.querySelector<HTMLInputElement>('[name=password]')!, 'short');
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await flush();
    expect(card().querySelector('#team-password-hint')?.textContent).toBe('password: must have at least 10 characters');
    expect(calls(ui.fetch).some((c) => c.route === 'POST /managers')).toBe(false);
    type(form.querySelector<HTMLInputElement>('[name=password]')!, 'correct horse battery');
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await flush();
    expect(calls(ui.fetch).find((c) => c.route === 'POST /managers')?.body).toEqual({ name: 'Jun', email: 'jun@shop.test', password: 'correct horse battery', role: 'agent' });
    expect(Array.from(card().querySelectorAll('.team li strong')).map((s) => s.textContent)).toContain('Jun');
  });

  it('shows a new API token once and revokes it', async () => {
    openTeam();
    await flush();
    const form = card().querySelector<HTMLFormElement>('form[aria-label="Create token"]')!;
    type(form.querySelector<HTMLInputElement>('[name=tokenName]')!, 'CRM');
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await flush();
    expect(card().querySelector('[role=status]')?.textContent).toContain('secret-token-shown-once');
    button('Revoke token CRM').click();
    await flush();
    expect(calls(ui.fetch).some((c) => c.route === 'DELETE /tokens/t1')).toBe(true);
  });

  it('shows an agent no accounts, only their own tokens', async () => {
    openTeam(agent);
    await flush();
    expect(card().querySelector('form[aria-label="Add manager"]')).toBeNull();
    expect(calls(ui.fetch).some((c) => c.route === 'GET /managers')).toBe(false);
    expect($$('[aria-labelledby=team-title] form')).toHaveLength(1);
  });
});
