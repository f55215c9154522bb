import { describe, expect, it } from 'vitest';
import { createLanguage } from '../model/createLanguage';
import { en } from './en';
import { detectLanguage, LANGUAGES, stringsFor } from './index';
import { ja } from './ja';

/** Every leaf of a strings object, by its dotted path. */
function leaves(value: unknown, path = ''): [string, unknown][] {
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, child]) => leaves(child, path ? `${path}.${key}` : key));
  return [[path, value]];
}

const at = (root: unknown, path: string) => path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], root);

/** Codes and placeholders a translation keeps as they are: {{user.name}}, MANAGER_TOKEN, YYYY-MM-DD, CSAT. */
const verbatim = (text: string) => text.match(/\{\{[^}]+\}\}|\b[A-Z][A-Z_-]*[A-Z]\b/g) ?? [];

describe('detectLanguage', () => {
  it.each([
    [['ja-JP', 'en'], 'ja'],
    [['ja'], 'ja'],
    [['fr-FR', 'ja-JP', 'ko'], 'ja'],
    [['ko-KR', 'ja'], 'ko'],
    [['en-US', 'ja-JP'], 'en'],
    [['fr-FR'], 'en'],
    [[], 'en'],
  ])('picks the first language the console speaks from %j: %s', (preferred, language) => {
    expect(detectLanguage(preferred)).toBe(language);
  });

  it('opens the console in Japanese for a browser preferring Japanese, unless another language was chosen', () => {
    const win = (languages: string[]) => ({ navigator: { languages, language: languages[0] }, document: { documentElement: {} } }) as unknown as Window;
    expect(createLanguage(win(['ja-JP', 'en']), null).value.value).toBe('ja');
    const storage = { getItem: () => 'en', setItem: () => undefined } as unknown as Storage;
    expect(createLanguage(win(['ja-JP', 'en']), storage).value.value).toBe('en');
  });
});

describe('the Japanese strings', () => {
  it('are offered as 日本語 and looked up by ja', () => {
    expect(LANGUAGES).toContain('ja');
    expect(stringsFor('ja')).toBe(ja);
    expect(ja.languageName).toBe('日本語');
  });

  it.each(leaves(en))('translate %s', (path, english) => {
    const japanese = at(ja, path);
    expect(typeof japanese).toBe(typeof english);
    if (typeof english === 'function') {
      const fn = japanese as (...args: unknown[]) => unknown;
      expect(fn.length).toBe(english.length);
      const args = Array.from({ length: english.length }, (_, i) => 7 + i);
      const text = fn(...args);
      expect(typeof text).toBe('string');
      expect((text as string).trim()).not.toBe('');
      for (const arg of args) expect(text).toContain(String(arg));
      for (const code of verbatim(english(...args) as string)) expect(text).toContain(code);
    } else {
      expect(typeof japanese === 'string' && japanese.trim()).toBeTruthy();
      for (const code of verbatim(english as string)) expect(japanese).toContain(code);
    }
  });

  it('have no key English lacks', () => {
    const paths = (strings: unknown) => leaves(strings).map(([path]) => path).sort();
    expect(paths(ja)).toEqual(paths(en));
  });
});
