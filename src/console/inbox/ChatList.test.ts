import { afterEach, describe, expect, it, vi } from 'vitest';
import { calls, chat, FakeSocket, message } from '../test/fakeServer';
import { $, $$, cleanup, choose, flush, start, texts, TOKEN, type, ui } from '../test/harness';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const schema = { 'GET /profile-fields': { fields: [], builtIns: [] } };
const names = () => texts('.chat-item .ci-name');

describe('the inbox chat list', () => {
  it('lists chats newest first with their state, last message and CSAT', async () => {
    const older = chat('c1', { state: 'closed', lastMessage: message('c1', 'customer', 'Where is my order?') }, { 'profile.csat': 5, state: 'closed' });
    const newer = chat('c2', { lastMessage: message('c2', 'customer', 'Is the blue one in stock?') });
    start({ ...schema, 'GET /chats': { chats: [older, newer] } });
    await flush();
    expect(names()).toEqual(['Customer c2', 'Customer c1']);
    expect(texts('.chat-item .ci-preview')).toEqual(['Is the blue one in stock?', 'Where is my order?']);
    expect($$('.chat-item')[1].textContent).toContain('CSAT 5 · Very satisfied');
    expect($('.count')?.textContent).toBe('2 chats');
  });

  it('asks the server again with the filters, and keeps them in the URL', async () => {
    start({ ...schema, 'GET /chats': { chats: [] } });
    await flush();
    choose($<HTMLSelectElement>('.filters select[name=state]')!, 'opened');
    await flush();
    choose($<HTMLSelectElement>('.filters select[name=csat]')!, '5');
    await flush();
    const tag = $<HTMLInputElement>('.filters input[name=tag]')!;
    type(tag, '배송');
    tag.dispatchEvent(new Event('change', { bubbles: true }));
    await flush();
    expect(calls(ui.fetch).filter((c) => c.route.startsWith('GET /chats')).map((c) => c.route)).toEqual([
      'GET /chats',
      'GET /chats?state=opened',
      'GET /chats?state=opened&csat=5',
      'GET /chats?state=opened&tag=%EB%B0%B0%EC%86%A1&csat=5',
    ]);
    expect(location.hash).toBe('#/inbox?state=opened&tag=%EB%B0%B0%EC%86%A1&csat=5');
  });

  it('searches as the manager types, once typing rests, and keeps the search in the URL', async () => {
    start({ ...schema, 'GET /chats': { chats: [] } });
    await flush();
    const box = $<HTMLInputElement>('.filters input[name=q]')!;
    expect(box.closest('label')?.textContent).toContain('Search chats');
    type(box, 'lin');
    await flush();
    type(box, 'linen');
    await new Promise((resolve) => setTimeout(resolve, 400));
    await flush();
    choose($<HTMLSelectElement>('.filters select[name=assignee]')!, 'me');
    await flush();
    expect(calls(ui.fetch).filter((c) => c.route.startsWith('GET /chats')).map((c) => c.route)).toEqual([
      'GET /chats',
      'GET /chats?q=linen',
      'GET /chats?q=linen&assignee=me',
    ]);
    expect(location.hash).toBe('#/inbox?q=linen&assignee=me');
  });

  it("shows each row's priority, assignee and how long the customer has waited", async () => {
    const waiting = chat('c1', { lastMessage: { ...message('c1', 'customer', 'Hello?'), createdAt: Date.now() - 5 * 60_000 }, assigneeId: 'm1' }, { priority: 'high' });
    const answered = chat('c2', { lastMessage: message('c2', 'manager', 'Done.') });
    start({ ...schema, 'GET /chats': { chats: [waiting, answered] }, 'GET /teammates': { teammates: [{ id: 'm1', name: 'Hana', role: 'agent', avatarUrl: null }] } });
    await flush();
    const rows = $$('.chat-item');
    const first = rows.find((row) => row.textContent!.includes('Customer c1'))!;
    const second = rows.find((row) => row.textContent!.includes('Customer c2'))!;
    expect(first.textContent).toContain('High');
    expect(first.textContent).toContain('Assignee: Hana');
    expect(first.textContent).toMatch(/Waiting 5 min/);
    expect(second.textContent).toContain('Unassigned');
    expect(second.textContent).not.toContain('Waiting');
  });

  it("names the score by the channel's own name for its CSAT field, in the badge and the filter", async () => {
    const renamed = { key: 'profile.csat', type: 'Number', names: { ko: '행복도', en: 'Happiness' }, order: 0, archived: false, readyMade: true };
    const scored = chat('c1', { state: 'closed' }, { 'profile.csat': 4, state: 'closed' });
    start({ 'GET /profile-fields': { fields: [renamed], builtIns: [] }, 'GET /chats': { chats: [scored] } });
    await flush();
    expect($('.chat-item')?.textContent).toContain('Happiness 4 · Satisfied');
    expect($<HTMLSelectElement>('.filters select[name=csat]')!.closest('label')?.textContent).toMatch(/^Happiness score/);
  });

  it('adds the next page under "Load more chats" and stops at the last one', async () => {
    const oldest = chat('c1');
    const newest = [chat('c2'), chat('c3')].reverse();
    start({
      ...schema,
      'GET /chats': (_body: unknown, url: URL) =>
        url.searchParams.get('cursor') === 'page-2' ? { chats: [newest[1], oldest], next: null } : { chats: newest, next: 'page-2' },
    });
    await flush();
    expect(names()).toEqual(['Customer c3', 'Customer c2']);
    const more = $$<HTMLButtonElement>('.chats .more button')[0];
    expect(more.textContent).toBe('Load more chats');
    more.click();
    await flush();
    expect(calls(ui.fetch).map((c) => c.route).filter((r) => r.startsWith('GET /chats'))).toEqual(['GET /chats', 'GET /chats?cursor=page-2']);
    expect(names()).toEqual(['Customer c3', 'Customer c2', 'Customer c1']);
    expect($('.chats .more')).toBeNull();
  });

  it('keeps the filters when it asks for the next page', async () => {
    start({ ...schema, 'GET /chats': { chats: [chat('c1', { state: 'closed' }, { state: 'closed' })], next: 'n 2' } }, { hash: '#/inbox?state=closed' });
    await flush();
    $$<HTMLButtonElement>('.chats .more button')[0].click();
    await flush();
    expect(calls(ui.fetch).map((c) => c.route).filter((r) => r.startsWith('GET /chats'))).toEqual([
      'GET /chats?state=closed',
      'GET /chats?state=closed&cursor=n%202',
    ]);
  });

  it('says hello on the realtime socket with the manager token', async () => {
    start({ ...schema, 'GET /chats': { chats: [] } });
    await flush();
    const socket = FakeSocket.last();
    expect(socket.url).toMatch(/^ws:\/\/[^/]+\/api\/realtime$/);
    socket.open();
    expect(socket.sent[0]).toMatchObject({ type: 'hello', managerToken: TOKEN });
  });

  it('upserts a realtime event: a changed chat moves to the top, a new one appears, none twice', async () => {
    const c1 = chat('c1');
    const c2 = chat('c2');
    start({ ...schema, 'GET /chats': { chats: [c2, c1] } });
    await flush();
    const socket = FakeSocket.last();
    socket.open();
    socket.receive({ type: 'ready', cursor: 40 });
    const text = message('c1', 'customer', 'Hello again');
    const changed = { ...c1, updatedAt: text.createdAt, lastMessage: text };
    socket.receive({ type: 'event', event: { seq: 41, type: 'message', chat: changed, message: text } });
    socket.receive({ type: 'event', event: { seq: 41, type: 'message', chat: changed, message: text } });
    const c3 = chat('c3');
    socket.receive({ type: 'event', event: { seq: 42, type: 'chat', chat: c3 } });
    await flush();
    expect(names()).toEqual(['Customer c3', 'Customer c1', 'Customer c2']);
    expect($$('.chat-item')[1].textContent).toContain('Hello again');
  });

  it('drops a chat that no longer matches the filters, and ignores an older copy', async () => {
    const c1 = chat('c1');
    start({ ...schema, 'GET /chats': { chats: [c1] } }, { hash: '#/inbox?state=opened' });
    await flush();
    const socket = FakeSocket.last();
    socket.open();
    socket.receive({ type: 'event', event: { seq: 5, type: 'chat', chat: { ...c1, updatedAt: c1.updatedAt - 10, profile: { ...c1.profile, tags: ['old'] } } } });
    await flush();
    expect(names()).toEqual(['Customer c1']);
    socket.receive({ type: 'event', event: { seq: 6, type: 'chat', chat: { ...c1, state: 'closed', updatedAt: c1.updatedAt + 10 } } });
    await flush();
    expect(names()).toEqual([]);
  });

  it('announces a new customer message in the live region', async () => {
    const c1 = chat('c1');
    start({ ...schema, 'GET /chats': { chats: [c1] } });
    await flush();
    const socket = FakeSocket.last();
    socket.open();
    socket.receive({ type: 'ready', cursor: 1 });
    const text = message('c1', 'customer', 'Are you there?');
    socket.receive({ type: 'event', event: { seq: 2, type: 'message', chat: { ...c1, updatedAt: text.createdAt, lastMessage: text }, message: text } });
    await flush();
    expect($('[role=status][aria-live=polite]')?.textContent).toBe('New message from Customer c1: Are you there?');
  });

  it('reconnects after a drop and resumes from the last seq it saw', async () => {
    start({ ...schema, 'GET /chats': { chats: [] } });
    await flush();
    const first = FakeSocket.last();
    first.open();
    first.receive({ type: 'ready', cursor: 10 });
    first.receive({ type: 'event', event: { seq: 11, type: 'chat', chat: chat('c9') } });
    vi.spyOn(Math, 'random').mockReturnValue(0); // the shortest backoff: half a second
    first.drop();
    await new Promise((resolve) => setTimeout(resolve, 520));
    const second = FakeSocket.last();
    expect(second).not.toBe(first);
    second.open();
    expect(second.sent[0]).toEqual({ type: 'hello', managerToken: TOKEN, since: 11 });
  });
});
