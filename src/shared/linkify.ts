/** A run of message text; `href` is set when the run is a link. */
export interface Segment {
  text: string;
  href?: string;
}

// Only these schemes ever become links. URL characters are the ASCII set of RFC 3986 on purpose:
// Korean and Japanese text often runs straight on after a URL ("https://a.kr에서", "…/をご覧ください").
const URL_RE = /\b(?:https?:\/\/|mailto:)[\w\-.~:/?#[\]@!$&'()*+,;=%]+/gi;
const TRAILING = /[.,;:!?'"*]$/;
const VALID = /^(?:https?:\/\/[\w\-.~%]*\w|mailto:[^@]+@\w)/i;

/**
 * Bidi controls (embeddings, overrides, isolates, LRM/RLM): a U+202E before a link would show its
 * text reversed ("moc.evil//:sptth" reads as another address). Message text is dropped of them.
 */
const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const count = (text: string, char: string) => text.split(char).length - 1;

/** Drops sentence punctuation and unbalanced closing brackets that follow a URL. */
function trimUrl(url: string): string {
  for (;;) {
    const last = url[url.length - 1];
    const open = last === ')' ? '(' : last === ']' ? '[' : '';
    if (TRAILING.test(url) || (open && count(url, open) < count(url, last))) url = url.slice(0, -1);
    else return url;
  }
}

/**
 * Splits message text into plain runs and http(s)/mailto links, without bidi controls. Pure: it
 * never touches the DOM and never treats anything as HTML.
 * @example linkify('see https://a.com.') // [{ text: 'see ' }, { text: 'https://a.com', href: 'https://a.com' }, { text: '.' }]
 */
export function linkify(raw: string): Segment[] {
  const text = raw.replace(BIDI, '');
  const segments: Segment[] = [];
  let plain = 0;
  for (const match of text.matchAll(URL_RE)) {
    const url = trimUrl(match[0]);
    if (!VALID.test(url)) continue;
    const start = match.index!;
    if (start > plain) segments.push({ text: text.slice(plain, start) });
    segments.push({ text: url, href: url });
    plain = start + url.length;
  }
  if (plain < text.length) segments.push({ text: text.slice(plain) });
  return segments;
}
