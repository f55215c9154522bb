import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientId, manager, removeDir, Socket, startServer, widget, type TestServer } from './helpers.ts';
import { ALWAYS_OPEN } from '../../src/shared/operatingHours.ts';
import { storedRows } from './storedRows.ts';
import { closeChat, setSurvey } from './surveyHelpers.ts';

let server: TestServer;
let api: ReturnType<typeof manager>;

beforeAll(async () => {
  server = await startServer();
  api = manager(server);
});
afterAll(async () => {
  await server.close();
  await removeDir(server.dataDir);
});

/** A customer (named when `name` is given) with a chat started on a product page. */
async function customerChat(options: { name?: string; language?: 'ko' | 'en' | 'ja' } = {}) {
  const boot = await widget(server)('POST', '/boot', {
    body: { language: options.language ?? 'ko', ...(options.name ? { profile: { name: options.name, grade: 'VIP' } } : {}) },
  });
  const token = boot.body.token as string;
  const created = await widget(server)('POST', '/chats', {
    token,
    body: {
      clientId: clientId(),
      profile: { 'source.page': 'https://shop.example/p/42', 'profile.productName': '린넨 셔츠' },
      message: { text: '문의합니다', clientId: clientId('m') },
    },
  });
  if (created.status !== 201) throw new Error(`chat not created: ${JSON.stringify(created.body)}`);
  return { token, chatId: created.body.chat.id as string };
}

const storedMessages = (chatId: string) => storedRows(server, 'SELECT author, text, template FROM messages WHERE chat_id = ? ORDER BY seq', chatId);

describe('variables in manager replies', () => {
  it('stores the rendered text and keeps the template for managers only', async () => {
    const { token, chatId } = await customerChat({ name: '김민지' });
    const template = '{{user.name|고객}}님, {{profile.productName}} ({{user.grade}}) 문의 감사합니다';
    const sent = await api('POST', `/chats/${chatId}/messages`, { body: { text: template } });
    expect(sent.status).toBe(201);
    expect(sent.body.message).toMatchObject({ text: '김민지님, 린넨 셔츠 (VIP) 문의 감사합니다', template });
    expect((await storedMessages(chatId)).at(-1)).toEqual({ author: 'manager', text: '김민지님, 린넨 셔츠 (VIP) 문의 감사합니다', template });

    const read = await api('GET', `/chats/${chatId}`);
    expect(read.body.messages.at(-1)).toMatchObject({ text: '김민지님, 린넨 셔츠 (VIP) 문의 감사합니다', template });
    expect(read.body.chat.lastMessage.template).toBe(template);

    const own = await widget(server)('GET', `/chats/${chatId}`, { token });
    expect(own.body.messages.at(-1).text).toBe('김민지님, 린넨 셔츠 (VIP) 문의 감사합니다');
    expect(JSON.stringify(own.body)).not.toContain('template');
    const chats = await widget(server)('GET', '/chats', { token });
    expect(JSON.stringify(chats.body)).not.toContain('{{');
  });

  it("delivers the rendered reply live to the customer without its template", async () => {
    const { token, chatId } = await customerChat({ name: '김민지' });
    const socket = await Socket.open(server);
    try {
      const ready = await socket.hello({ token, since: 0 });
      const sent = await api('POST', `/chats/${chatId}/messages`, { body: { text: '{{user.name}}님, {{profile.productName}} 재고 있어요' } });
      expect(sent.body.message.template).toBeDefined();
      let frame = await socket.next();
      while (frame.event?.message?.id !== sent.body.message.id) frame = await socket.next();
      expect(frame.event.message.text).toBe('김민지님, 린넨 셔츠 재고 있어요');
      expect(JSON.stringify(frame)).not.toContain('template');
      expect(ready.cursor).toBeGreaterThan(0);
    } finally {
      socket.close();
    }
  });

  it('uses the fallback for a customer without a name, and keeps plain replies without a template', async () => {
    const { chatId } = await customerChat();
    const sent = await api('POST', `/chats/${chatId}/messages`, { body: { text: '{{user.name|고객}}님 안녕하세요' } });
    expect(sent.body.message.text).toBe('고객님 안녕하세요');
    const plain = await api('POST', `/chats/${chatId}/messages`, { body: { text: 'No variables { here }' } });
    expect(plain.body.message).not.toHaveProperty('template');
    expect((await storedMessages(chatId)).at(-1)).toEqual({ author: 'manager', text: 'No variables { here }', template: null });
  });

  it('refuses an unknown variable or malformed braces with 400 naming it, and stores nothing', async () => {
    const { chatId } = await customerChat({ name: '김민지' });
    const before = (await storedMessages(chatId)).length;
    const unknown = await api('POST', `/chats/${chatId}/messages`, { body: { text: '{{profile.colour}} 재고가 있습니다' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toEqual({ code: 'invalid_request', message: 'text: unknown variable {{profile.colour}}' });
    const open = await api('POST', `/chats/${chatId}/messages`, { body: { text: 'Hi {{user.name' } });
    expect(open.status).toBe(400);
    expect(open.body.error.message).toMatch(/^text: \{\{user\.name is not closed with \}\}/);
    expect(await storedMessages(chatId)).toHaveLength(before);
  });

  it('sends an escaped \\{{ as literal braces', async () => {
    const { chatId } = await customerChat();
    const sent = await api('POST', `/chats/${chatId}/messages`, { body: { text: 'Type \\{{user.name}} in a reply' } });
    expect(sent.status).toBe(201);
    expect(sent.body.message.text).toBe('Type {{user.name}} in a reply');
  });
});

describe('variables in survey questions', () => {
  it("renders the product's name into the posted survey; the widget sees no template", async () => {
    await setSurvey(server, { questions: { ko: '{{profile.productName|상품}} 상담은 어떠셨나요?', en: 'How was {{user.name|your}} chat?', ja: 'いかがでしたか？' } });
    const { token, chatId } = await customerChat({ name: '김민지' });
    const { survey } = await closeChat(server, chatId);
    expect(survey.text).toBe('린넨 셔츠 상담은 어떠셨나요?');
    expect(survey.template).toBe('{{profile.productName|상품}} 상담은 어떠셨나요?');
    expect(survey.form.questions).toEqual({ ko: '린넨 셔츠 상담은 어떠셨나요?', en: 'How was 김민지 chat?', ja: 'いかがでしたか？' });
    const own = await widget(server)('GET', `/chats/${chatId}`, { token });
    expect(own.body.messages.at(-1).form.questions.ko).toBe('린넨 셔츠 상담은 어떠셨나요?');
    expect(JSON.stringify(own.body)).not.toContain('template');
    expect(JSON.stringify(own.body)).not.toContain('{{');
  });

  it('refuses a question naming an unknown variable and keeps the rule as it was', async () => {
    const before = await api('GET', '/csat-settings');
    const refused = await api('PUT', '/csat-settings', { body: { questions: { ...before.body.questions, en: 'How was {{profile.colour}}?' } } });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toEqual({ code: 'invalid_request', message: 'questions.en: unknown variable {{profile.colour}}' });
    expect((await api('GET', '/csat-settings')).body).toEqual(before.body);
  });
});

describe('date-times in rendered variables', () => {
  const HOUR = 3_600_000;
  /** `YYYY-MM-DD HH:mm` of `ms` at UTC+9 (Seoul keeps no daylight saving time). */
  const seoul = (ms: number) => new Date(ms + 9 * HOUR).toISOString().slice(0, 16).replace('T', ' ');
  const hours = (timeZone: string) => ({ ...ALWAYS_OPEN, timeZone });
  afterAll(async () => {
    await api('PUT', '/operating-hours', { body: ALWAYS_OPEN });
  });

  it("writes a reply's and a survey question's date-times on the channel's wall clock, not in UTC", async () => {
    expect((await api('PUT', '/operating-hours', { body: hours('Asia/Seoul') })).status).toBe(200);
    const { token, chatId } = await customerChat({ name: '김민지' });
    const opened = (await api('GET', `/chats/${chatId}`)).body.chat.profile.firstOpenedAt as number;
    expect(typeof opened).toBe('number');

    const sent = await api('POST', `/chats/${chatId}/messages`, { body: { text: '{{firstOpenedAt}}에 시작한 상담' } });
    expect(sent.status).toBe(201);
    expect(sent.body.message.text).toBe(`${seoul(opened)}에 시작한 상담`);

    await setSurvey(server, { questions: { ko: '{{firstOpenedAt}} 상담은 어떠셨나요?', en: 'How was your chat of {{firstOpenedAt}}?', ja: 'いかがでしたか？' } });
    const { survey } = await closeChat(server, chatId);
    expect(survey.form.questions.en).toBe(`How was your chat of ${seoul(opened)}?`);
    const own = await widget(server)('GET', `/chats/${chatId}`, { token });
    expect(own.body.messages.at(-1).text).toBe(`${seoul(opened)} 상담은 어떠셨나요?`);
  });
});
