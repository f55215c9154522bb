/**
 * The HTML shell of the customer link page `/csat/<token>`: the survey itself is drawn by the
 * `/csat-page.js` bundle, which reads the token from `#csat[data-token]` and calls `/api/csat/…`.
 * The shell has no inline script or style, so the page runs under a strict CSP. Its URLs are
 * relative, so that the page works behind a proxy that serves the server under a path prefix.
 */
import type { Language } from '../../../src/shared/types.ts';

/** Everything from this origin only; nothing inline, no framing, no `<base>`. */
export const CSAT_PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const STRINGS: Record<Language, { title: string; noscript: string; notFound: string; checkLink: string }> = {
  ko: {
    title: '상담 만족도 조사',
    noscript: '설문에 답하려면 브라우저에서 JavaScript를 켜 주세요.',
    notFound: '설문을 찾을 수 없습니다',
    checkLink: '받으신 링크가 잘리지 않았는지 확인해 주세요.',
  },
  en: {
    title: 'Satisfaction survey',
    noscript: 'Please turn on JavaScript in your browser to answer this survey.',
    notFound: 'Survey not found',
    checkLink: 'Please check that the link you received is complete.',
  },
  ja: {
    title: '満足度アンケート',
    noscript: 'アンケートに回答するには、ブラウザで JavaScript を有効にしてください。',
    notFound: 'アンケートが見つかりません',
    checkLink: '受け取ったリンクが途中で切れていないかご確認ください。',
  },
};

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Safe in text and in quoted attribute values. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

const SCRIPT = '<script type="module" src="../csat-page.js"></script>\n';

const shell = (language: Language, title: string, body: string, script = ''): string =>
  `<!doctype html>
<html lang="${escapeHtml(language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(title)}</title>
${script}</head>
<body>
${body}
</body>
</html>
`;

/**
 * @example renderCsatPage({ token, language: 'ko', channelName: 'Sangdam demo' })
 */
export function renderCsatPage(page: { token: string; language: Language; channelName: string }): string {
  const strings = STRINGS[page.language] ?? STRINGS.en;
  return shell(
    page.language,
    `${strings.title} · ${page.channelName}`,
    `<main id="csat" data-token="${escapeHtml(page.token)}"></main>
<noscript><p>${escapeHtml(strings.noscript)}</p></noscript>`,
    SCRIPT,
  );
}

export function renderCsatNotFound(language: Language): string {
  const strings = STRINGS[language];
  return shell(
    language,
    strings.notFound,
    `<div><h1>${escapeHtml(strings.notFound)}</h1>
<p>${escapeHtml(strings.checkLink)}</p></div>`,
  );
}

/** The first of ko, ja, en named in an Accept-Language header (no quality sorting: browsers list by preference). */
export function languageOf(acceptLanguage: string | undefined): Language {
  for (const part of (acceptLanguage ?? '').split(',')) {
    const code = part.trim().slice(0, 2).toLowerCase();
    if (code === 'ko' || code === 'ja' || code === 'en') return code;
  }
  return 'en';
}
