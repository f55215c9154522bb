import { describe, expect, it } from 'vitest';
import { linkify } from './linkify';

const links = (text: string) => linkify(text).filter((s) => s.href).map((s) => s.href);

describe('linkify', () => {
  it.each([
    ['visit https://example.com now', ['https://example.com']],
    ['plain http://example.com/a?b=1#c', ['http://example.com/a?b=1#c']],
    ['write to mailto:help@example.com', ['mailto:help@example.com']],
    ['HTTPS://EXAMPLE.COM', ['HTTPS://EXAMPLE.COM']],
    ['two: https://a.com and https://b.com', ['https://a.com', 'https://b.com']],
    ['end of sentence https://a.com/x.', ['https://a.com/x']],
    ['list https://a.com, https://b.com;', ['https://a.com', 'https://b.com']],
    ['(see https://a.com/x)', ['https://a.com/x']],
    ['wiki https://en.wikipedia.org/wiki/Foo_(bar)', ['https://en.wikipedia.org/wiki/Foo_(bar)']],
    ['really? https://a.com!?', ['https://a.com']],
    ['자세한 내용은 https://a.kr/help에서 확인하세요', ['https://a.kr/help']],
    ['詳しくはhttps://a.jp/をご覧ください', ['https://a.jp/']],
  ])('makes a link of the URL in %j', (text, expected) => {
    expect(links(text)).toEqual(expected);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'ftp://example.com',
    'www.example.com',
    'just words, no links',
    'https://',
    'mailto:',
    'xhttps://example.com',
    '<a href="javascript:alert(1)">x</a>',
  ])('never makes a link of %j', (text) => {
    expect(links(text)).toEqual([]);
  });

  it('keeps every character of the text, in order', () => {
    const text = 'a https://x.com/(y)). b mailto:m@x.io, <b>c</b>\nd';
    expect(linkify(text).map((s) => s.text).join('')).toBe(text);
  });

  it('drops bidi controls, so no override can show a link reversed', () => {
    const controls = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f'];
    for (const control of controls) {
      const segments = linkify(`pay ${control}https://evil.example/moc.knab${control} now`);
      expect(segments, JSON.stringify(control)).toEqual([
        { text: 'pay ' },
        { text: 'https://evil.example/moc.knab', href: 'https://evil.example/moc.knab' },
        { text: ' now' },
      ]);
    }
    expect(linkify('\u202egnp.exe').map((s) => s.text).join('')).toBe('gnp.exe');
  });

  it('returns no segment for empty text', () => {
    expect(linkify('')).toEqual([]);
  });
});
