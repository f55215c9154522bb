import { afterEach, describe, expect, it } from 'vitest';
import { chat } from '../test/fakeServer';
import { $, $$, choose, cleanup, flush, start } from '../test/harness';

afterEach(cleanup);

const select = () => $<HTMLSelectElement>('label.lang select')!;

describe('the language select', () => {
  it('offers Korean, English and Japanese, each named in its own language', async () => {
    start({}, { token: null });
    await flush();
    expect(Array.from(select().options).map((o) => [o.value, o.textContent, o.lang])).toEqual([
      ['ko', '한국어', 'ko'],
      ['en', 'English', 'en'],
      ['ja', '日本語', 'ja'],
    ]);
  });

  it('switches the console to Japanese and keeps the choice', async () => {
    start({}, { token: null });
    await flush();
    expect($('h1')?.textContent).toBe('Sign in to the console');
    choose(select(), 'ja');
    await flush();
    expect($('h1')?.textContent).toBe('コンソールにログイン');
    expect($('label[for=token]')?.textContent).toBe('マネージャートークン');
    expect(document.documentElement.lang).toBe('ja');
    expect(localStorage.getItem('sangdam.console.language')).toBe('ja');
  });

  it('opens in Japanese when it was chosen before', async () => {
    start({ 'GET /profile-fields': { fields: [], builtIns: [] }, 'GET /chats': { chats: [chat('c1')] } }, { language: 'ja' });
    await flush();
    expect($('h1')?.textContent).toBe('受信箱');
    expect(select().value).toBe('ja');
    expect($$('nav a').map((a) => a.textContent)).toEqual(['受信箱', '統計', '設定']);
  });
});
