import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CsatForm } from '../../shared/types';
import { calls, chat, FakeSocket, message } from '../test/fakeServer';
import { $, $$, button, cleanup, flush, press, start, texts, type, ui } from '../test/harness';

afterEach(cleanup);

const form = (answer: CsatForm['answer'] = null): CsatForm => ({
  type: 'csat',
  scale: 5,
  required: false,
  comment: true,
  questions: { ko: '상담은 만족스러우셨나요?', en: 'How satisfied were you?', ja: '今回の対応はいかがでしたか？' },
  answer,
});

function openChat(messages = [message('c1', 'customer', 'Where is my order?'), message('c1', 'manager', 'It has shipped.')], extra = {}) {
  const c1 = chat('c1', { lastMessage: messages[messages.length - 1] });
  start(
    {
      'GET /profile-fields': { fields: [], builtIns: [] },
      'GET /chats': { chats: [c1] },
      'GET /chats/c1': { chat: c1, messages, ...extra },
      'POST /chats/c1/messages': (body: { text: string }) => ({ status: 201, body: { message: message('c1', 'manager', body.text) } }),
      'POST /chats/c1/close': { chat: { ...c1, state: 'closed', updatedAt: c1.updatedAt + 5, profile: { ...c1.profile, state: 'closed' } } },
    },
    { hash: '#/inbox/c1' },
  );
  return c1;
}

describe('the chat view', () => {
  it('shows the thread with the customer on the left and the manager on the right', async () => {
    openChat();
    await flush();
    expect($('#chat-title')?.textContent).toBe('Customer c1');
    expect(texts('.thread .msg .bub')).toEqual(['Where is my order?', 'It has shipped.']);
    expect($('.thread .msg.customer .who')?.textContent).toContain('Customer c1');
    expect($('.thread .msg.manager')).not.toBeNull();
  });

  it('loads older messages above the thread, from the button, until the first one', async () => {
    const oldest = [message('c1', 'customer', 'one'), message('c1', 'manager', 'two')];
    const newest = [message('c1', 'customer', 'three'), message('c1', 'manager', 'four')];
    openChat(newest, { next: 'older-1' });
    await flush();
    expect(texts('.thread .msg .bub')).toEqual(['three', 'four']);
    const older = button('Load older messages');
    expect(older).toBeTruthy();
    const fetchOlder = ui.fetch.getMockImplementation()!;
    ui.fetch.mockImplementation(async (input: string, init?: RequestInit) =>
      String(input).includes('before=older-1')
        ? new Response(JSON.stringify({ chat: chat('c1'), messages: oldest, next: null }), { headers: { 'content-type': 'application/json' } })
        : fetchOlder(input, init),
    );
    older!.click();
    await flush();
    expect(calls(ui.fetch).map((c) => c.route)).toContain('GET /chats/c1?before=older-1');
    expect(texts('.thread .msg .bub')).toEqual(['one', 'two', 'three', 'four']);
    expect(button('Load older messages')).toBeFalsy();
  });

  it('marks a member id that came without a valid memberHash as unverified, and says why to a screen reader', async () => {
    const c1 = chat('c1', { user: { id: 'u-c1', name: null, memberId: 'customer-1001', memberVerified: false } });
    start({ 'GET /profile-fields': { fields: [], builtIns: [] }, 'GET /chats': { chats: [c1] }, 'GET /chats/c1': { chat: c1, messages: [] } }, { hash: '#/inbox/c1' });
    await flush();
    const line = $('.chat-head .member-id')!;
    expect(line.textContent).toContain('Member ID: customer-1001(unverified)');
    const mark = line.querySelector('.unverified')!;
    expect(mark.getAttribute('title')).toContain('without a valid memberHash');
    expect(mark.querySelector('.vh')?.textContent).toContain('anyone could send it');
  });

  it('shows a verified member id without the mark', async () => {
    const c1 = chat('c1', { user: { id: 'u-c1', name: 'Mina', memberId: 'customer-1001', memberVerified: true } });
    start({ 'GET /profile-fields': { fields: [], builtIns: [] }, 'GET /chats': { chats: [c1] }, 'GET /chats/c1': { chat: c1, messages: [] } }, { hash: '#/inbox/c1' });
    await flush();
    expect($('.chat-head .member-id')?.textContent).toBe('Member ID: customer-1001');
    expect($('.chat-head .unverified')).toBeNull();
  });

  it('renders links only for http, https and mailto, and HTML stays text', async () => {
    openChat([message('c1', 'customer', 'See https://shop.example/a?b=1. or mailto:help@shop.example javascript:alert(1) <img src=x onerror=alert(1)> <b>b</b>')]);
    await flush();
    const bubble = $('.thread .bub')!;
    expect(Array.from(bubble.querySelectorAll('a')).map((a) => a.getAttribute('href'))).toEqual(['https://shop.example/a?b=1', 'mailto:help@shop.example']);
    expect(bubble.querySelector('a')!.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    expect(bubble.querySelector('img, b')).toBeNull();
    expect(bubble.textContent).toContain('<img src=x onerror=alert(1)> <b>b</b>');
    expect(bubble.textContent).toContain('javascript:alert(1)');
  });

  it('sends the reply on Enter and adds a line on Shift+Enter', async () => {
    openChat();
    await flush();
    const box = $<HTMLTextAreaElement>('#reply')!;
    type(box, 'Thanks for waiting');
    press(box, 'Enter', { shiftKey: true });
    await flush();
    expect(calls(ui.fetch).some((c) => c.route === 'POST /chats/c1/messages')).toBe(false);
    press(box, 'Enter');
    await flush();
    expect(calls(ui.fetch).find((c) => c.route === 'POST /chats/c1/messages')?.body).toEqual({ text: 'Thanks for waiting' });
    expect(box.value).toBe('');
    expect(texts('.thread .bub')).toContain('Thanks for waiting');
  });

  it('keeps the draft and shows the server refusal when a reply fails', async () => {
    openChat();
    await flush();
    ui.fetch.mockImplementationOnce(async () => new Response(JSON.stringify({ error: { code: 'invalid_request', message: 'text: at most 5000 characters' } }), { status: 400 }));
    type($<HTMLTextAreaElement>('#reply')!, 'too long');
    await flush();
    button('Send').click();
    await flush();
    expect($('.reply [role=alert]')?.textContent).toBe('text: at most 5000 characters');
    expect($<HTMLTextAreaElement>('#reply')!.value).toBe('too long');
  });

  it('shows the server naming an unknown variable in the composer, and the template under a rendered reply', async () => {
    openChat([message('c1', 'customer', 'Hi'), { ...message('c1', 'manager', '민지님, <b>안녕</b>'), template: '{{user.name|고객}}님, <b>안녕</b>' }]);
    await flush();
    expect($('.thread .msg.manager .tpl')?.textContent).toBe('Written as: {{user.name|고객}}님, <b>안녕</b>');
    expect($('.thread .msg.customer .tpl')).toBeNull();
    ui.fetch.mockImplementationOnce(async () => new Response(JSON.stringify({ error: { code: 'invalid_request', message: 'text: unknown variable {{profile.colour}}' } }), { status: 400 }));
    type($<HTMLTextAreaElement>('#reply')!, '{{profile.colour}} is in stock');
    await flush();
    button('Send').click();
    await flush();
    expect($('.reply [role=alert]')?.textContent).toBe('text: unknown variable {{profile.colour}}');
    expect($<HTMLTextAreaElement>('#reply')!.value).toBe('{{profile.colour}} is in stock');
  });

  it('closes the chat and then offers to reopen it', async () => {
    openChat();
    await flush();
    button('Close chat').click();
    await flush();
    expect(calls(ui.fetch).some((c) => c.route === 'POST /chats/c1/close')).toBe(true);
    expect(button('Reopen chat')).toBeTruthy();
    expect($('.chat-item .badge')?.textContent).toBe('Closed');
  });

  it('shows a survey with its question, then the face label and comment once it is answered', async () => {
    const survey = message('c1', 'bot', '상담은 만족스러우셨나요?', { form: form() });
    const c1 = openChat([message('c1', 'customer', 'hi'), survey]);
    await flush();
    expect($('.survey .q')?.textContent).toBe('How satisfied were you?');
    expect($('.survey')?.textContent).toContain('Not answered yet.');
    const socket = FakeSocket.last();
    socket.open();
    const answered = { ...survey, form: form({ score: 4, comment: 'Kind <b>staff</b>', answeredAt: survey.createdAt + 1 }) };
    socket.receive({ type: 'event', event: { seq: 99, type: 'message', chat: { ...c1, updatedAt: c1.updatedAt + 9 }, message: answered } });
    await flush();
    expect($$('.survey')).toHaveLength(1);
    expect($('.survey .a')?.textContent).toBe('Satisfied (4 of 5)');
    expect($('.survey .cm')?.textContent).toBe('Comment: Kind <b>staff</b>');
  });

  it('shows the survey link and copies it', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    openChat(undefined, { csatLink: 'http://console.test/csat/abc' });
    await flush();
    expect($<HTMLInputElement>('#survey-link')!.value).toBe('http://console.test/csat/abc');
    button('Copy link').click();
    await flush();
    expect(writeText).toHaveBeenCalledWith('http://console.test/csat/abc');
    expect($('.survey-link [role=status]')?.textContent).toBe('Copied.');
  });
});
