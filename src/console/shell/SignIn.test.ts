import { afterEach, describe, expect, it } from 'vitest';
import { calls, chat, FakeSocket } from '../test/fakeServer';
import { $, button, cleanup, flush, start, TOKEN, type, ui } from '../test/harness';

afterEach(cleanup);

const refused = { status: 401, body: { error: { code: 'unauthorized', message: 'authorization: the manager token is not valid' } } };

describe('signing in', () => {
  it('shows a labelled token form when no token is held', async () => {
    start({}, { token: null });
    await flush();
    const input = $<HTMLInputElement>('#token')!;
    expect($('label[for=token]')?.textContent).toBe('Manager token');
    expect(input.type).toBe('password');
    expect($('button[type=submit]')?.textContent).toBe('Sign in');
    expect($('label[for=email]')?.textContent).toBe('Email');
    expect($<HTMLInputElement>('#password')!.autocomplete).toBe('current-password');
    expect(ui.fetch).not.toHaveBeenCalled();
  });

  it('keeps an accepted token in sessionStorage and opens the inbox', async () => {
    start({ 'GET /profile-fields': { fields: [], builtIns: [] }, 'GET /chats': { chats: [chat('c1')] } }, { token: null });
    type($<HTMLInputElement>('#token')!, ` ${TOKEN} `);
    $<HTMLInputElement>('#token')!.form!.dispatchEvent(new Event('submit', { cancelable: true }));
    await flush();
    expect(sessionStorage.getItem('sangdam.console.token')).toBe(TOKEN);
    expect(calls(ui.fetch)[0]).toMatchObject({ route: 'GET /profile-fields', authorization: `Bearer ${TOKEN}` });
    expect($('h1')?.textContent).toBe('Inbox');
    expect($('nav[aria-label=Main]')).not.toBeNull();
  });

  it('says the token was refused and keeps nothing when the server answers 401', async () => {
    start({ 'GET /profile-fields': refused }, { token: null });
    type($<HTMLInputElement>('#token')!, 'wrong');
    $<HTMLInputElement>('#token')!.form!.dispatchEvent(new Event('submit', { cancelable: true }));
    await flush();
    expect($('[role=alert]')?.textContent).toBe('The token was refused.');
    expect(sessionStorage.getItem('sangdam.console.token')).toBeNull();
  });

  it('a 401 from any call shows the sign-in again and clears the token', async () => {
    start({ 'GET /profile-fields': { fields: [], builtIns: [] }, 'GET /chats': refused });
    await flush();
    expect($('#token')).not.toBeNull();
    expect($('[role=alert]')?.textContent).toBe('The token was refused.');
    expect(sessionStorage.getItem('sangdam.console.token')).toBeNull();
    expect($('nav')).toBeNull();
  });

  it('a realtime refusal of the token signs the manager out too', async () => {
    start({ 'GET /profile-fields': { fields: [], builtIns: [] }, 'GET /chats': { chats: [] } });
    await flush();
    FakeSocket.last().open();
    FakeSocket.last().receive({ type: 'error', code: 'unauthorized', message: 'managerToken: not valid' });
    await flush();
    expect($('[role=alert]')?.textContent).toBe('The token was refused.');
    expect(sessionStorage.getItem('sangdam.console.token')).toBeNull();
  });

  it('signs in with an email and password, keeping the session token the server gave', async () => {
    const manager = { id: 'm1', name: 'Hana', email: 'hana@shop.test', role: 'agent', avatarUrl: null, createdAt: 1 };
    start(
      {
        'POST /session': { token: 'session-token', manager },
        'GET /session': { manager, role: 'agent', kind: 'session' },
        'GET /teammates': { teammates: [manager] },
        'GET /profile-fields': { fields: [], builtIns: [] },
        'GET /chats': { chats: [] },
        'DELETE /session': { status: 204, body: undefined },
      },
      { token: null },
    );
    type($<HTMLInputElement>('#email')!, 'hana@shop.test');
    type($<HTMLInputElement>('#password')!, 'correct horse battery');
    $<HTMLInputElement>('#email')!.form!.dispatchEvent(new Event('submit', { cancelable: true }));
    await flush();
    expect(calls(ui.fetch)[0]).toMatchObject({ route: 'POST /session', body: { email: 'hana@shop.test', password: 'correct horse battery' } });
    expect(sessionStorage.getItem('sangdam.console.token')).toBe('session-token');
    expect($('.top')?.textContent).toContain('Signed in as Hana');
    button('Sign out').click();
    await flush();
    expect(calls(ui.fetch).map((c) => c.route)).toContain('DELETE /session');
    expect(sessionStorage.getItem('sangdam.console.token')).toBeNull();
  });

  it('says a wrong password was refused on that form, not that a token was', async () => {
    start({ 'POST /session': { status: 401, body: { error: { code: 'invalid_credentials', message: 'email, password: no account has this email and password' } } } }, { token: null });
    type($<HTMLInputElement>('#email')!, 'hana@shop.test');
    type($<HTMLInputElement>('#password')!, 'wrong password');
    $<HTMLInputElement>('#email')!.form!.dispatchEvent(new Event('submit', { cancelable: true }));
    await flush();
    expect($('[role=alert]')?.textContent).toBe('No account has this email and password.');
    expect($<HTMLInputElement>('#password')!.getAttribute('aria-invalid')).toBe('true');
    expect(sessionStorage.getItem('sangdam.console.token')).toBeNull();
  });

  it('signing out forgets the token without calling it refused', async () => {
    start({ 'GET /profile-fields': { fields: [], builtIns: [] }, 'GET /chats': { chats: [] } });
    await flush();
    button('Sign out').click();
    await flush();
    expect($('#token')).not.toBeNull();
    expect($('[role=alert]')).toBeNull();
    expect(sessionStorage.getItem('sangdam.console.token')).toBeNull();
  });
});
